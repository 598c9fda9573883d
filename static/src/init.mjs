// Start GOV.UK Frontend's components (error summary focus, navigation toggle, ...).
import { initAll } from "./govuk-frontend.min.js";

initAll();
