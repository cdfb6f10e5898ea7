/* Live conversation: plain JavaScript, no framework.
 *
 * - One websocket per conversation page; reconnects by itself with exponential backoff and jitter.
 * - On every (re)connection it sends the last sequence number it holds and receives what it missed,
 *   in server order; so does a live message whose number leaves a gap. Messages are keyed by their
 *   sequence number, so one that arrives twice (live and in the catch-up) is shown once. The sync
 *   also brings the messages edited, deleted or hidden since the latest moment the page has seen.
 * - Text is never parsed as HTML: it goes into text nodes; only http(s) addresses become <a> elements.
 * - Without JavaScript (or while the socket is down) the page's forms post as usual.
 */
(function () {
  "use strict";
  var list = document.getElementById("message-list");
  if (!list || !window.WebSocket || list.dataset.live !== "1") { return; }
  var d = list.dataset;
  var userId = parseInt(d.userId, 10);
  var status = document.getElementById("live-status");
  var form = document.getElementById("composer");
  var errors = document.getElementById("composer-errors");
  var seenBy = document.getElementById("seen-by");
  var namesNode = document.getElementById("participant-names");
  var names = namesNode ? JSON.parse(namesNode.textContent) : {};
  var readPositions = {};
  var socket = null;
  var attempt = 0;
  var retryTimer = null;
  var pending = {};
  var counter = 0;
  var URL_RE = /https?:\/\/[^\s]+/gi;
  var TRAILING = ".,;:!?)]}'\"";

  // The latest server moment this page has seen; a sync asks for what was edited or removed since.
  var since = d.since || "";

  function noteMoment(m) {
    [m.created_at, m.changed_at].forEach(function (value) {
      if (value && (!since || Date.parse(value) > Date.parse(since))) { since = value; }
    });
  }

  function lastSeq() {
    var items = list.querySelectorAll("li[data-seq]");
    return items.length ? parseInt(items[items.length - 1].dataset.seq, 10) : 0;
  }

  function appendText(parent, text) {
    // Text nodes for the words, <a> elements (with text content) for web addresses, <br> for newlines.
    var lines = text.split("\n");
    lines.forEach(function (line, index) {
      if (index) { parent.appendChild(document.createElement("br")); }
      var last = 0;
      line.replace(URL_RE, function (match, offset) {
        var url = match, tail = "";
        while (url && TRAILING.indexOf(url.charAt(url.length - 1)) !== -1) {
          tail = url.charAt(url.length - 1) + tail; url = url.slice(0, -1);
        }
        parent.appendChild(document.createTextNode(line.slice(last, offset)));
        var a = document.createElement("a");
        a.href = url; a.rel = "nofollow noopener noreferrer"; a.textContent = url;
        parent.appendChild(a);
        parent.appendChild(document.createTextNode(tail));
        last = offset + match.length;
        return match;
      });
      parent.appendChild(document.createTextNode(line.slice(last)));
    });
  }

  function render(m) {
    var li = document.createElement("li");
    li.id = "m" + m.seq;
    li.className = "message" + (m.sender_id === userId ? " message--own" : "");
    li.dataset.seq = String(m.seq);
    var meta = document.createElement("p");
    meta.className = "message__meta";
    // The sender's face: the one this page already shows for them (a photo if this reader may see it),
    // else their initial on their colour, decorative beside the name.
    li.dataset.sender = m.sender_id == null ? "" : String(m.sender_id);
    var known = m.sender_id == null ? null : list.querySelector('.message[data-sender="' + m.sender_id + '"] .avatar');
    var face = known ? known.cloneNode(true) : document.createElement("span");
    if (!known) {
      face.className = "avatar avatar--32 avatar--c" + (m.sender_colour || 0);
      face.setAttribute("aria-hidden", "true");
      face.textContent = m.sender_initial || "";
    }
    meta.appendChild(face); meta.appendChild(document.createTextNode(" "));
    var who = document.createElement("span");
    // dir="auto" isolates the name, as <bdi> does in the server-rendered page.
    who.className = "message__sender"; who.dir = "auto"; who.textContent = m.sender;
    var when = document.createElement("time");
    when.dateTime = m.created_at; when.textContent = window.KafaatDates ? KafaatDates.dateTime(new Date(m.created_at)) : new Date(m.created_at).toLocaleString(d.lang);
    meta.appendChild(who); meta.appendChild(document.createTextNode(" ")); meta.appendChild(when);
    if (m.edited) {
      var edited = document.createElement("span");
      edited.className = "message__edited"; edited.textContent = " " + d.labelEdited;
      meta.appendChild(edited);
    }
    li.appendChild(meta);
    var body;
    if (m.deleted || m.hidden) {
      body = document.createElement("p");
      body.className = "message__body message__body--removed";
      body.textContent = m.deleted ? d.labelDeleted : d.labelHidden;
      li.appendChild(body);
      return li;
    }
    body = document.createElement("div");
    body.dir = "auto";
    body.className = "message__body";
    appendText(body, m.body);
    li.appendChild(body);
    if (m.attachments.length) {
      var files = document.createElement("ul");
      files.className = "message__files";
      m.attachments.forEach(function (f) {
        var item = document.createElement("li"), link = document.createElement("a");
        link.href = f.url; link.textContent = f.name;
        item.appendChild(link); files.appendChild(item);
      });
      li.appendChild(files);
    }
    if (m.sender_id === userId && d.mayWrite === "1") {
      var actions = document.createElement("p");
      actions.className = "message__actions";
      [[d.editUrl, d.labelEdit], [d.deleteUrl, d.labelDelete]].forEach(function (pair) {
        var a = document.createElement("a");
        a.href = pair[0].replace("999999999", String(m.seq)); a.textContent = pair[1];
        actions.appendChild(a); actions.appendChild(document.createTextNode(" "));
      });
      li.appendChild(actions);
    }
    return li;
  }

  function place(m, replace) {
    var existing = document.getElementById("m" + m.seq);
    if (existing) {
      if (replace) { list.replaceChild(render(m), existing); }
      return false;  // a duplicate: already shown
    }
    var node = render(m);
    var items = list.querySelectorAll("li[data-seq]");
    var before = null;
    for (var i = items.length - 1; i >= 0; i--) {
      if (parseInt(items[i].dataset.seq, 10) < m.seq) { break; }
      before = items[i];
    }
    list.insertBefore(node, before);
    var empty = document.getElementById("no-message");
    if (empty) { empty.remove(); }
    return true;
  }

  function showSeenBy() {
    if (!seenBy) { return; }
    var own = list.querySelectorAll("li.message--own[data-seq]");
    if (!own.length) { return; }
    var seq = parseInt(own[own.length - 1].dataset.seq, 10);
    var who = Object.keys(readPositions).filter(function (id) {
      return parseInt(id, 10) !== userId && readPositions[id] >= seq && names[id];
    }).map(function (id) { return names[id]; });
    if (who.length) { seenBy.textContent = d.labelSeen.replace("%(names)s", who.join(", ")); }
    else if (parseInt(seenBy.dataset.seq, 10) !== seq) { seenBy.textContent = ""; }
    seenBy.dataset.seq = String(seq);
  }

  function markRead() {
    if (document.visibilityState === "visible" && socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: "read", seq: lastSeq() }));
    }
  }

  function setStatus(text) { if (status) { status.textContent = text; } }

  function showError(text) {
    if (!errors) { return; }
    errors.textContent = "";
    var ul = document.createElement("ul"), li = document.createElement("li");
    ul.className = "errorlist"; li.textContent = text; ul.appendChild(li); errors.appendChild(ul);
  }

  function connect() {
    window.clearTimeout(retryTimer);
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + d.wsPath + "?lang=" + encodeURIComponent(d.lang));
    window.kafaatMessagingSocket = socket;  // tests close it to simulate a dropped connection
    socket.onopen = function () {
      attempt = 0;
      setStatus(d.labelLive);
      socket.send(JSON.stringify({ type: "sync", after: lastSeq(), since: since }));
    };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      var added = false;
      if (data.message) { noteMoment(data.message); }
      if (data.type === "messages") {
        data.messages.forEach(function (m) { noteMoment(m); added = place(m, true) || added; });
      } else if (data.type === "message") {
        var before = lastSeq();
        added = place(data.message, false);
        // A gap in the numbers means a live message went astray (a server lost its link to the
        // channel layer, a full queue): fetch what lies after the last one held.
        if (before && data.message.seq > before + 1) {
          socket.send(JSON.stringify({ type: "sync", after: before }));
        }
      } else if (data.type === "update") {
        place(data.message, true);
      } else if (data.type === "sent") {
        var text = pending[data.client_id];
        delete pending[data.client_id];
        if (text !== undefined && form && form.elements.body.value === text) { form.elements.body.value = ""; }
        if (errors) { errors.textContent = ""; }
      } else if (data.type === "error") {
        delete pending[data.client_id];
        showError(data.message);
      } else if (data.type === "receipt") {
        readPositions[String(data.user_id)] = data.seq;
        showSeenBy();
      }
      if (added) { markRead(); showSeenBy(); }
    };
    socket.onclose = function (event) {
      if (event.code === 4403) { setStatus(d.labelOffline); return; }  // no longer allowed: stay closed
      setStatus(d.labelOffline);
      attempt += 1;
      var delay = Math.min(15000, 500 * Math.pow(2, attempt - 1)) * (0.75 + Math.random() * 0.5);
      retryTimer = window.setTimeout(connect, delay);
    };
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      var file = form.elements.attachment && form.elements.attachment.files.length;
      if (file || !socket || socket.readyState !== WebSocket.OPEN) { return; }  // the plain form posts
      var text = form.elements.body.value;
      if (!text.trim()) { return; }
      event.preventDefault();
      var id = "c" + (++counter) + "-" + Date.now();
      pending[id] = text;
      socket.send(JSON.stringify({ type: "send", body: text, client_id: id }));
    });
  }
  document.addEventListener("visibilitychange", markRead);
  window.addEventListener("online", function () {
    // A socket still closing when the network went away may never finish: drop it and start afresh.
    if (socket && (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)) { return; }
    if (socket) { socket.onclose = null; socket.onmessage = null; }
    attempt = 0;
    connect();
  });
  connect();
})();
