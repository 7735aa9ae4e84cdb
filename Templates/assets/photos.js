// okrug: the viewer of a photo report. Without JavaScript each photo is a link to its large copy;
// with it a click opens the photos one by one: arrows on screen and on the keyboard, a swipe on a
// phone, Esc or «Закрыть» to leave (the focus goes back to the photo it was on).
const VIEWER_CSS = `.viewer { width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; padding: 0; border: 0; background: rgba(0, 0, 0, 0.92); color: #fff; } .viewer::backdrop { background: rgba(0, 0, 0, 0.92); } .viewer__figure { margin: 0; height: calc(100vh - 5rem); display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 3rem 3.5rem 0; box-sizing: border-box; } .viewer__image { max-width: 100%; max-height: calc(100vh - 10rem); object-fit: contain; touch-action: pan-y; } .viewer__caption { margin-top: 0.75rem; text-align: center; font-size: 1.05rem; } .viewer__count { position: absolute; top: 0.75rem; left: 1rem; margin: 0; } .viewer button { position: absolute; min-width: 3rem; min-height: 3rem; border: 0; border-radius: 50%; background: rgba(255, 255, 255, 0.16); color: #fff; font-size: 1.8rem; line-height: 1; cursor: pointer; } .viewer button:focus-visible { outline: 3px solid #fff; } .viewer__close { top: 0.5rem; right: 0.5rem; } .viewer__prev { left: 0.5rem; top: 50%; transform: translateY(-50%); } .viewer__next { right: 0.5rem; top: 50%; transform: translateY(-50%); }`;

(function () {
  const report = document.querySelector("[data-photos]");
  if (!report || typeof HTMLDialogElement !== "function") return;
  const links = Array.from(report.querySelectorAll(".photos__link"));
  if (links.length === 0) return;
  const dialog = document.createElement("dialog");
  dialog.className = "viewer";
  dialog.setAttribute("aria-label", "Просмотр фотографий");
  dialog.innerHTML =
    '<p class="viewer__count" aria-live="polite"></p>' +
    '<figure class="viewer__figure"><img class="viewer__image" alt=""><figcaption class="viewer__caption"></figcaption></figure>' +
    '<button type="button" class="viewer__prev" aria-label="Предыдущая фотография">‹</button>' +
    '<button type="button" class="viewer__next" aria-label="Следующая фотография">›</button>' +
    '<button type="button" class="viewer__close" aria-label="Закрыть">×</button>';
  // The viewer's look travels with it: pages without a photo report do not carry it.
  const style = document.createElement("style");
  style.textContent = VIEWER_CSS;
  document.head.append(style);
  document.body.append(dialog);
  const image = dialog.querySelector(".viewer__image");
  const caption = dialog.querySelector(".viewer__caption");
  const count = dialog.querySelector(".viewer__count");
  let current = 0;

  function show(index) {
    current = (index + links.length) % links.length;
    const link = links[current];
    image.src = link.href;
    image.alt = link.querySelector("img").alt;
    caption.textContent = link.dataset.caption || "";
    count.textContent = `${current + 1} из ${links.length}`;
  }

  links.forEach((link, index) => link.addEventListener("click", (event) => {
    event.preventDefault();
    show(index);
    dialog.showModal();
  }));
  dialog.querySelector(".viewer__prev").addEventListener("click", () => show(current - 1));
  dialog.querySelector(".viewer__next").addEventListener("click", () => show(current + 1));
  dialog.querySelector(".viewer__close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "ArrowLeft") { event.preventDefault(); show(current - 1); }
    if (event.key === "ArrowRight") { event.preventDefault(); show(current + 1); }
  });
  // Esc closes a dialog by itself; either way the focus returns to the photo shown last.
  dialog.addEventListener("close", () => links[current].focus());
  let startX = null;
  image.addEventListener("pointerdown", (event) => { startX = event.clientX; });
  image.addEventListener("pointerup", (event) => {
    if (startX === null) return;
    const moved = event.clientX - startX;
    startX = null;
    if (Math.abs(moved) > 40) show(current + (moved < 0 ? 1 : -1));
  });
})();
