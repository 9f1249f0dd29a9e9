// GovHall: progressive enhancement only; every page works without script.
document.addEventListener('click', function (e) {
  var t = e.target.closest('[data-print]');
  if (t) { e.preventDefault(); window.print(); }
});

// irreversible steps (accept, refuse, decide, deliver, withdraw) ask once more, naming the case
document.addEventListener('submit', function (e) {
  var f = e.target.closest('form[data-confirm]');
  if (f && !window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); }
});
