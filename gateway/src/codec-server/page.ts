/**
 * `/codec/`: where an operator signs in for the Temporal UI's decoding (Bahasa Indonesia). The script is a
 * separate same-origin file, so a Content-Security-Policy without inline scripts lets it run.
 */
export const SIGN_IN_PAGE = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Seleksi JPT — Akses data proses (Temporal)</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1f2937; }
label { display: block; margin-top: 1rem; }
input { width: 100%; padding: .5rem; box-sizing: border-box; }
button { margin-top: 1rem; padding: .5rem 1rem; }
#status { margin-top: 1rem; }
</style>
</head>
<body>
<h1>Akses data proses</h1>
<p>Data pribadi dalam riwayat proses Temporal tersandikan. Masuk sebagai administrator nasional agar
Temporal UI dapat menampilkannya; setiap pembukaan dicatat.</p>
<form id="sign-in">
<label>Surel <input name="email" type="email" autocomplete="username" required></label>
<label>Kata sandi <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Masuk</button>
<button type="button" id="sign-out">Keluar</button>
</form>
<p id="status" role="status"></p>
<p>Di Temporal UI, buka pengaturan <em>Codec Server</em> dan aktifkan <em>Include cross-origin credentials</em>.</p>
<script src="sign-in.js"></script>
</body>
</html>
`;

export const SIGN_IN_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('sign-in');
  var status = document.getElementById('status');
  function say(text) { status.textContent = text; }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    say('Memproses…');
    var data = new FormData(form);
    fetch('../graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
        variables: { e: data.get('email'), p: data.get('password') },
      }),
    })
      .then(function (r) { return r.json(); })
      .then(function (r) {
        if (!r.data || !r.data.signIn) throw new Error((r.errors && r.errors[0] && r.errors[0].message) || 'Gagal masuk');
        return fetch('session', { method: 'POST', headers: { authorization: 'Bearer ' + r.data.signIn.token } });
      })
      .then(function (r) {
        if (r.status === 204) return say('Berhasil. Temporal UI kini dapat membuka data proses.');
        return r.json().then(function (b) { throw new Error(b.error ? b.error.message : 'Gagal masuk'); });
      })
      .catch(function (err) { say(err.message); });
  });
  document.getElementById('sign-out').addEventListener('click', function () {
    fetch('session', { method: 'DELETE' }).then(function () { say('Sudah keluar.'); });
  });
})();
`;
