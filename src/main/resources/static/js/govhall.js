// GovHall: progressive enhancement only; every page works without script.
document.addEventListener('click', function (e) {
  var t = e.target.closest('[data-print]');
  if (t) { e.preventDefault(); window.print(); }
});

// irreversible steps (accept, refuse, decide, deliver, withdraw) ask once more, naming the case
// (on the form, or on the one button of a form that takes the irreversible step)
document.addEventListener('submit', function (e) {
  var b = e.submitter && e.submitter.closest('[data-confirm]');
  var f = e.target.closest('form[data-confirm]');
  var question = b ? b.getAttribute('data-confirm') : f ? f.getAttribute('data-confirm') : null;
  if (question && !window.confirm(question)) { e.preventDefault(); }
});

// a button that ticks every box it names (data-check-all="<selector>"), e.g. every original checked at the window
document.addEventListener('click', function (e) {
  var t = e.target.closest('[data-check-all]');
  if (!t) { return; }
  e.preventDefault();
  document.querySelectorAll(t.getAttribute('data-check-all')).forEach(function (c) { c.checked = true; });
});
