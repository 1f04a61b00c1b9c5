// A small page for `npm start` to show beside the side panel: a shop's order page, as a customer would have
// open when they ask support a question. Served on 127.0.0.1 (a free port) by a few lines of node:http.
import { createServer } from 'node:http';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Order #10482 · Northwind Outfitters</title>
<style>
  :root { color-scheme: light; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; }
  body { margin: 0; background: #f5f6f8; }
  header { background: #14324a; color: #fff; padding: 14px 32px; display: flex; align-items: center; gap: 24px; }
  header strong { font-size: 18px; letter-spacing: .02em; }
  header nav { display: flex; gap: 18px; font-size: 14px; opacity: .85; }
  main { max-width: 760px; margin: 28px auto; padding: 0 24px; }
  .card { background: #fff; border: 1px solid #dde1e7; border-radius: 10px; padding: 20px 24px; margin-bottom: 18px; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  .muted { color: #5b6474; margin: 0; }
  .steps { display: flex; gap: 8px; margin: 18px 0 6px; }
  .steps span { flex: 1; height: 6px; border-radius: 3px; background: #d5dae2; }
  .steps span.done { background: #2e8b57; }
  table { width: 100%; border-collapse: collapse; }
  td { padding: 10px 0; border-bottom: 1px solid #eef0f3; }
  td:last-child { text-align: right; font-variant-numeric: tabular-nums; }
  tr:last-child td { border-bottom: 0; font-weight: 600; }
  .hint { background: #eaf2fd; border-color: #bcd4f6; }
</style>
</head>
<body>
<header><strong>Northwind Outfitters</strong><nav><span>Shop</span><span>Orders</span><span>Help</span></nav></header>
<main>
  <section class="card">
    <h1>Order #10482</h1>
    <p class="muted">Placed on 3 March · Shipped with ParcelLine, tracking NW-884-213-557</p>
    <div class="steps" aria-hidden="true"><span class="done"></span><span class="done"></span><span class="done"></span><span></span></div>
    <p class="muted">In transit: expected Friday, 7 March</p>
  </section>
  <section class="card">
    <table>
      <tr><td>Trail jacket, navy, M</td><td>€129.00</td></tr>
      <tr><td>Merino socks (2 pairs)</td><td>€24.00</td></tr>
      <tr><td>Shipping</td><td>€4.90</td></tr>
      <tr><td>Total</td><td>€157.90</td></tr>
    </table>
  </section>
  <section class="card hint">
    <p class="muted">A demo page served by <code>npm start</code>. Ask support about it from the side panel: the agent
    answers in the sandbox's agent console (the other tab).</p>
  </section>
</main>
</body>
</html>
`;

/** Start the page on 127.0.0.1 at a free port: `{ url, close() }`. */
export async function startDemoPage() {
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(PAGE);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    }),
  };
}
