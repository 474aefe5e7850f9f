// The survey builder: when a question's type changes, show the fields of the new type at
// once. Without this script the fields follow after the next update of the form.
(function () {
  'use strict';

  document.addEventListener('change', function (event) {
    var select = event.target.closest('[data-type-select]');
    if (!select) {
      return;
    }
    var question = select.closest('.question');
    question.querySelectorAll('.type-group[data-types]').forEach(function (group) {
      var types = ' ' + group.getAttribute('data-types').trim() + ' ';
      group.hidden = types.indexOf(' ' + select.value + ' ') < 0;
    });
  });
})();
