// The site module's public face.
export { cookieList } from './views/cookies-page.tsx'
