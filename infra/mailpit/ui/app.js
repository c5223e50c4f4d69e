/* global document, location, history */
// The web inbox of our Mailpit build. Mailpit's own UI bundle (Vue, built by its release) is not in its Go
// module, so bootstrap.sh puts this small page in its place: the list of mails from /api/v1/messages and
// the selected one as Mailpit renders it (/view/<id>.html, or .txt for plain-text mails).
(function () {
  'use strict';
  var app = document.getElementById('app');
  var base = (app && app.dataset.webroot) || '/';
  document.title = 'Kotak surat (Mailpit) — Seleksi JPT';
  document.body.innerHTML =
    '<div class="mp-layout"><aside class="mp-list"><header><strong>Kotak surat</strong> ' +
    '<button type="button" id="mp-refresh">Muat ulang</button><span id="mp-count"></span></header>' +
    '<ul id="mp-items"></ul></aside><main class="mp-view"><p id="mp-empty">Pilih surel di sebelah kiri.</p>' +
    '<div id="mp-head"></div><iframe id="mp-frame" title="Isi surel"></iframe></main></div>';
  var items = document.getElementById('mp-items');
  var frame = document.getElementById('mp-frame');
  var head = document.getElementById('mp-head');
  var selected = null;

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }
  function addresses(list) {
    return (list || [])
      .map(function (a) {
        return a.Name ? a.Name + ' <' + a.Address + '>' : a.Address;
      })
      .join(', ');
  }
  function show(m) {
    selected = m.ID;
    if (location.hash !== '#' + m.ID) history.replaceState(null, '', '#' + m.ID);
    document.getElementById('mp-empty').style.display = 'none';
    head.innerHTML = '';
    head.appendChild(text('h2', m.Subject || '(tanpa subjek)'));
    head.appendChild(text('div', 'Dari: ' + addresses([m.From])));
    head.appendChild(
      text('div', 'Kepada: ' + addresses(m.To) + (m.Bcc && m.Bcc.length ? ' · Bcc: ' + addresses(m.Bcc) : '')),
    );
    head.appendChild(text('div', new Date(m.Created).toLocaleString('id-ID')));
    fetch(base + 'api/v1/message/' + m.ID)
      .then(function (r) {
        return r.json();
      })
      .then(function (full) {
        frame.src = base + 'view/' + m.ID + (full.HTML ? '.html' : '.txt');
      });
    Array.prototype.forEach.call(items.children, function (li) {
      li.classList.toggle('mp-on', li.dataset.id === selected);
    });
  }
  function load() {
    fetch(base + 'api/v1/messages?limit=200')
      .then(function (r) {
        return r.json();
      })
      .then(function (body) {
        document.getElementById('mp-count').textContent = ' ' + body.messages_count + ' surel';
        items.innerHTML = '';
        body.messages.forEach(function (m) {
          var li = document.createElement('li');
          li.dataset.id = m.ID;
          li.tabIndex = 0;
          li.appendChild(text('div', m.Subject || '(tanpa subjek)', 'mp-subject'));
          li.appendChild(text('div', addresses(m.To), 'mp-to'));
          li.appendChild(text('div', new Date(m.Created).toLocaleString('id-ID'), 'mp-date'));
          li.onclick = function () {
            show(m);
          };
          li.onkeydown = function (e) {
            if (e.key === 'Enter') show(m);
          };
          if (m.ID === selected) li.classList.add('mp-on');
          items.appendChild(li);
          // A link to one mail (#<id>) opens it.
          if (!selected && location.hash === '#' + m.ID) show(m);
        });
      });
  }
  document.getElementById('mp-refresh').onclick = load;
  load();
  setInterval(load, 5000);
})();
