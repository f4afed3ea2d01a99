// Starts the GOV.UK Frontend components on the public pages (no MoJ Frontend script: they use
// none of its behaviour). Pages work without it: it only enhances.
import { initAll } from "../vendor/govuk-frontend.min.js";

initAll();
