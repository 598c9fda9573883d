// Start GOV.UK Frontend's components (error summary focus, navigation toggle, ...).
import { initAll } from "./govuk-frontend.min.js";

initAll();

// The lead list offers the chosen owner's people. The server offers and checks the same; this
// only saves a round trip when the owner changes.
for (const lead of document.querySelectorAll("select[data-lead-directory]")) {
  const owner = lead.form?.elements.namedItem("owner");
  if (!owner) continue;
  const people = JSON.parse(lead.dataset.leadDirectory);
  const blank = lead.options[0]?.value === "" ? lead.options[0].text : null;
  owner.addEventListener("change", () => {
    const chosen = lead.value;
    lead.replaceChildren();
    if (blank !== null) lead.add(new Option(blank, ""));
    for (const person of people) {
      if (!owner.value || person.owner === owner.value) {
        lead.add(new Option(person.text, person.value, false, person.value === chosen));
      }
    }
  });
}
