import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { startOffice } from "./office/officeHost";

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");

void startOffice().then((office) => {
  createRoot(container).render(
    <StrictMode>
      <App office={office} />
    </StrictMode>,
  );
});
