// Starts the GOV.UK and MoJ Frontend components. Pages work without it: it only enhances.
import { initAll as initGovukFrontend } from "../vendor/govuk-frontend.min.js";
import { initAll as initMojFrontend } from "../vendor/moj-frontend.min.js";

initGovukFrontend();
initMojFrontend();
