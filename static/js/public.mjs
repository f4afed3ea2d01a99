// Starts the GOV.UK Frontend components on the public pages, and the print button (no MoJ
// Frontend script: they use none of its behaviour). Pages work without it: it only enhances.
import { initAll } from "../vendor/govuk-frontend.min.js";
import { initPrintButtons } from "./print.mjs";

initAll();
initPrintButtons();
