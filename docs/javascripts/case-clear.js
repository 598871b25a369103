/* Clearing 내 사건: the shopper's details (shared by every checklist and message) and the log of what was
   sent. The confirmation names each detail first; what it cleared is kept as the undo, which survives a
   reload until the next change (my-case.js drops it then). Fetched by my-case.js on the first tap. */

function item(text) {
  const li = document.createElement("li");
  li.textContent = text;
  return li;
}

function sentLog(store) {
  return store.read("case") || { sent: [] };
}

/** Ask, naming what goes; clear on yes. `box` is the page's .case-clear; `after` redraws the page. */
export function askToClear(store, box, after) {
  const status = box.querySelector(".case-clear__status");
  const dialog = box.querySelector(".case-clear__confirm");
  const names = box.querySelector(".case-clear__names");
  const details = Object.keys(store.details());
  const sent = sentLog(store).sent.length;
  if (!details.length && !sent) {
    status.textContent = "지울 내용이 없어요.";
    return;
  }
  names.textContent = "";
  for (const name of details) names.appendChild(item(name));
  if (sent) names.appendChild(item(`보낸 기록 ${sent}건`));
  const forget = () => {
    store.write("undo/case", { details: store.details(), case: sentLog(store) });
    for (const name of details) store.setDetail(name, "");
    store.remove("case");
    after();
    box.querySelector(".case-clear__undo").hidden = false;
    status.textContent = "지웠어요. 실수였다면 되돌리기를 누르세요.";
  };
  if (!dialog.showModal) {
    if (window.confirm(`${box.querySelector(".case-clear__title").textContent}\n${details.join(", ")}`)) forget();
    return;
  }
  dialog.returnValue = "";
  dialog.addEventListener(
    "close",
    () => {
      if (dialog.returnValue === "clear") forget();
    },
    { once: true },
  );
  dialog.showModal();
}

/** Put back what the last clear took. */
export function undoClear(store, box, after) {
  const saved = store.read("undo/case");
  if (!saved) return;
  for (const [name, value] of Object.entries(saved.details || {})) store.setDetail(name, value);
  if (saved.case?.sent.length) store.write("case", saved.case);
  store.remove("undo/case");
  box.querySelector(".case-clear__undo").hidden = true;
  after();
  box.querySelector(".case-clear__status").textContent = "지우기 전으로 되돌렸어요.";
}
