// Small behaviour for the OpenCXM console. Every page also works without it.
(function () {
  'use strict';

  // htmx requests carry the CSRF token like the forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (button) {
      copy(button);
    }
    document.querySelectorAll('details.usermenu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.removeAttribute('open');
      }
    });
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    document.querySelectorAll('details.usermenu[open]').forEach(function (menu) {
      menu.removeAttribute('open');
      menu.querySelector('summary').focus();
    });
  });

  document.addEventListener('focusin', function (event) {
    if (event.target.matches('[data-select-on-focus]')) {
      event.target.select();
    }
  });

  function copy(button) {
    var field = document.querySelector(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    var done = function () {
      var label = button.textContent;
      button.textContent = button.getAttribute('data-copied') || label;
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { fallback(field, done); });
    } else {
      fallback(field, done);
    }
  }

  function fallback(field, done) {
    field.focus();
    field.select();
    try {
      if (document.execCommand('copy')) {
        done();
      }
    } catch (ignored) {
      // The text stays selected for the user to copy.
    }
  }
})();
