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

  // <time datetime="2026-03-02T10:00:00Z" title="...">: the title in the browser's zone and locale
  function localiseTimes() {
    if (!(window.Intl && Intl.DateTimeFormat)) {
      return;
    }
    var format;
    try {
      format = new Intl.DateTimeFormat(undefined, {
        year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short'
      });
    } catch (e) {
      return; // an old browser: the server's UTC time stays
    }
    document.querySelectorAll('time[datetime]').forEach(function (time) {
      var when = new Date(time.getAttribute('datetime'));
      if (!isNaN(when.getTime())) {
        time.setAttribute('title', format.format(when));
      }
    });
  }

  function ready(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  // A part of the page replaced by the live updates (live.js): its times too
  document.addEventListener('handraise:content', localiseTimes);

  ready(function () {
    // A form that came back with errors: put the cursor in the first field to fix (its message is read with it)
    var invalid = document.querySelector('main form .is-invalid');
    if (invalid && typeof invalid.focus === 'function') {
      invalid.focus();
    }

    // The "say thanks" form that opens on a request's page (after accepting an answer): the note has the cursor.
    // (Its links also end in #message: a fragment moves the focus to its target once the page has loaded.)
    var thanks = document.querySelector('main [data-autofocus] textarea');
    if (!invalid && thanks && !window.location.hash) {
      thanks.focus();
    }

    // Exact times on hover: the server writes them in UTC, labelled "UTC"; here they become the viewer's own time
    // zone and locale, with the zone named ("2 Mar 2026, 11:00 CET"). "2 hours ago" stays as it is.
    localiseTimes();

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
