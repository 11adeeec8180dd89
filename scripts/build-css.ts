// Compile the Siatka theme: node --import tsx scripts/build-css.ts
import { ensureCss } from '../src/kernel/views/assets.ts'

console.log(await ensureCss())
