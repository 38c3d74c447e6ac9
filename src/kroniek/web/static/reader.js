// The article reader's side panel: a click on a highlighted passage (or on an item of the lists)
// shows the record's details; clicking the same passage again steps to the next record under it.
(function () {
  "use strict";
  const text = document.getElementById("text");
  const hint = document.getElementById("hint");
  let shown = null;

  function mark(key) {
    document.querySelectorAll("#text .active").forEach((el) => el.classList.remove("active"));
    document.querySelectorAll("#text [data-keys]").forEach((el) => {
      if (el.dataset.keys.split(" ").includes(key)) el.classList.add("active");
    });
  }

  function show(key) {
    const detail = document.getElementById(key);
    if (!detail || !detail.classList.contains("detail")) return;
    if (shown) shown.classList.remove("shown");
    detail.classList.add("shown");
    shown = detail;
    if (hint) hint.hidden = true;
    mark(key);
    detail.scrollIntoView({ block: "nearest" });
    history.replaceState(null, "", "#" + key);
  }

  text.addEventListener("click", (event) => {
    const passage = event.target.closest("[data-keys]");
    if (!passage) return;
    const keys = passage.dataset.keys.split(" ");
    const current = shown ? keys.indexOf(shown.id) : -1;
    show(keys[(current + 1) % keys.length]);
  });

  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-show]");
    if (!link) return;
    event.preventDefault();
    show(link.dataset.show);
  });

  if (location.hash.length > 1) show(decodeURIComponent(location.hash.slice(1)));
})();
