// Live updates (server-sent events from /notifications/stream): the unread count in the navigation bar and, on a
// request's page, the request itself follow what happens without a reload. Every page works without this.
(function () {
  'use strict';

  var nav = document.getElementById('nav-notifications');
  if (!nav || !nav.hasAttribute('data-live-stream') || !window.EventSource) {
    return;
  }
  var watched = document.querySelector('[data-live-request]');
  var source = null;

  // The badge shows the count (99+ above 99) and hides at 0; the label says it in words, as the server does.
  function showCount(count) {
    var badge = nav.querySelector('[data-unread-count]');
    var label = nav.querySelector('[data-unread-label]');
    if (badge) {
      badge.textContent = count > 99 ? '99+' : String(count);
      badge.hidden = count === 0;
    }
    if (label) {
      var text;
      if (count === 0) {
        text = nav.getAttribute('data-label-zero');
      } else if (count === 1) {
        text = nav.getAttribute('data-label-one');
      } else {
        text = (nav.getAttribute('data-label-many') || '{n}').replace('{n}', String(count));
      }
      label.textContent = text;
    }
  }

  // A polite notice at the top of the page (created empty at once, so that screen readers announce it when it fills)
  var notice = null;
  function noticeRegion() {
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'live-notice';
      notice.setAttribute('role', 'status');
      notice.setAttribute('aria-live', 'polite');
    }
    return notice;
  }

  function showReloadNotice() {
    var region = noticeRegion();
    if (region.querySelector('.alert')) {
      return;
    }
    var alert = document.createElement('div');
    alert.className = 'alert alert-info d-flex flex-wrap gap-2 align-items-center';
    var text = document.createElement('span');
    text.textContent = watched.getAttribute('data-live-changed');
    var reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'btn btn-sm btn-primary';
    reload.textContent = watched.getAttribute('data-live-reload');
    reload.addEventListener('click', function () {
      window.location.reload();
    });
    alert.appendChild(text);
    alert.appendChild(reload);
    region.appendChild(alert);
  }

  // Typing: a field of a form on this request has the focus or holds something not sent yet
  function typing(content) {
    var active = document.activeElement;
    if (active && content.contains(active) && active.form && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) {
      return true;
    }
    var fields = content.querySelectorAll('textarea, input[type=text], input:not([type])');
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value !== fields[i].defaultValue) {
        return true;
      }
    }
    return false;
  }

  var refreshing = false;
  var again = false;
  function refreshRequest() {
    var content = watched;
    if (typing(content)) {
      showReloadNotice();
      return;
    }
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    window.fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html', 'X-Handraise-Refresh': '1' } })
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('not the page');
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(content.id);
        if (!fresh || !fresh.hasAttribute('data-live-request') || typing(content)) {
          showReloadNotice();
          return;
        }
        var focusedId = document.activeElement && content.contains(document.activeElement)
          ? document.activeElement.id : null;
        var adopted = document.importNode(fresh, true);
        content.parentNode.replaceChild(adopted, content);
        watched = adopted;
        if (focusedId && document.getElementById(focusedId)) {
          document.getElementById(focusedId).focus();
        }
        document.dispatchEvent(new CustomEvent('handraise:content', { detail: adopted }));
      })
      .catch(function () {
        showReloadNotice();
      })
      .then(function () {
        refreshing = false;
        if (again) {
          again = false;
          refreshRequest();
        }
      });
  }

  function connect() {
    var url = nav.getAttribute('data-live-stream');
    if (watched) {
      url += '?request=' + encodeURIComponent(watched.getAttribute('data-live-request'));
      watched.parentNode.insertBefore(noticeRegion(), watched);
    }
    source = new EventSource(url);
    source.addEventListener('unread', function (event) {
      var count = parseInt(event.data, 10);
      if (!isNaN(count)) {
        showCount(count);
      }
    });
    // this person opened more pages than the server keeps streams for, and this is the oldest: stay as it is
    source.addEventListener('superseded', function () {
      if (source) {
        source.close();
        source = null;
      }
    });
    source.addEventListener('request', function (event) {
      if (watched && event.data === watched.getAttribute('data-live-request')) {
        refreshRequest();
      }
    });
  }

  // Leaving the page closes the stream; coming back to it from the browser's history opens it again
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && !source) {
      connect();
    }
  });
  connect();
})();
