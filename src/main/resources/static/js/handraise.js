// Small enhancements; every page works without them.
(function () {
  'use strict';

  // Destructive actions ask first: <form data-confirm="Are you sure?">
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  function ready(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  ready(function () {
    // A form that came back with errors: put the cursor in the first field to fix (its message is read with it)
    var invalid = document.querySelector('main form .is-invalid');
    if (invalid && typeof invalid.focus === 'function') {
      invalid.focus();
    }

    // Exact times in the viewer's own time zone and locale, on hover ("2 hours ago" stays as it is)
    if (window.Intl && Intl.DateTimeFormat) {
      var format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
      document.querySelectorAll('time[datetime]').forEach(function (time) {
        var when = new Date(time.getAttribute('datetime'));
        if (!isNaN(when.getTime())) {
          time.setAttribute('title', format.format(when));
        }
      });
    }

    // A table wider than the screen scrolls sideways: make that region reachable and named for keyboard users
    document.querySelectorAll('.table-responsive').forEach(function (region) {
      if (region.scrollWidth > region.clientWidth && !region.hasAttribute('tabindex')) {
        var caption = region.querySelector('caption');
        region.setAttribute('tabindex', '0');
        region.setAttribute('role', 'region');
        if (caption && caption.textContent.trim()) {
          region.setAttribute('aria-label', caption.textContent.trim());
        }
      }
    });
  });
})();
