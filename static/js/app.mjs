// Starts the GOV.UK and MoJ Frontend components, and our own. Pages work without it: it only
// enhances.
import { initAll as initGovukFrontend } from "../vendor/govuk-frontend.min.js";
import { initAll as initMojFrontend } from "../vendor/moj-frontend.min.js";
import { initFindInList } from "./find-in-list.mjs";
import { initOpenDetailsForErrors } from "./open-details.mjs";
import { initPrintButtons } from "./print.mjs";
import { initTimeoutWarning } from "./session-timeout.mjs";

initGovukFrontend();
initMojFrontend();
initOpenDetailsForErrors();
initPrintButtons();
initTimeoutWarning();
initFindInList();
