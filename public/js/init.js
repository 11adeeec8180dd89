// Loaded as <script type="module" src="/assets/js/init.js">. No inline script
// anywhere: the CSP forbids it. Module scripts run after parsing, so
// document.body exists here.
import { initAll } from '/assets/js/govuk-frontend.min.js'

// govuk-frontend only styles/initialises its JS components when this class is
// present (module support = supported browser).
document.body.classList.add('govuk-frontend-supported')
initAll()

// The menu (a <details>) is always open on a wide screen, where its button is hidden; where the
// browser cannot show a closed <details>'s content by CSS alone, this opens it there.
const menu = document.querySelector('[data-siatka-menu]')
if (menu) {
  const wide = window.matchMedia('(min-width: 40.0625em)')
  const follow = () => {
    if (wide.matches) menu.open = true
  }
  follow()
  wide.addEventListener('change', follow)
}
