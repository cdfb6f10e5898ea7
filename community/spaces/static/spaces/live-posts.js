// Moved out of the page: the Content-Security-Policy allows no inline script.
(function () {
  var section = document.querySelector("[data-live-posts]");
  if (!section || !window.WebSocket) return;
  var scheme = location.protocol === "https:" ? "wss://" : "ws://";
  var socket = new WebSocket(scheme + location.host + "/ws/spaces/" + section.dataset.livePosts + "/");
  socket.onmessage = function (event) {
    var data = JSON.parse(event.data);
    if (data.type !== "post") return;
    var article = document.createElement("article");
    article.className = "space-post";
    var title = document.createElement("h3");
    title.textContent = data.post.title;
    var meta = document.createElement("p");
    meta.className = "space-post__meta";
    meta.textContent = data.post.author;
    var body = document.createElement("p");
    body.textContent = data.post.body;
    article.append(title, meta, body);
    document.getElementById("live-posts").prepend(article);
  };
})();
