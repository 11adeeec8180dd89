// Loaded as <script type="module" src="/assets/js/init.js">. No inline script
// anywhere: the CSP forbids it. Module scripts run after parsing, so
// document.body exists here.
import { initAll } from '/assets/js/govuk-frontend.min.js'

// govuk-frontend only styles/initialises its JS components when this class is
// present (module support = supported browser).
document.body.classList.add('govuk-frontend-supported')
initAll()
