// Bundles the map page (OpenLayers, Chart.js and our modules) into ../wwwroot/dist; run by the
// Planner.Desktop build (MSBuild target BundleMapPage) after `npm ci`.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
await esbuild.build({
  entryPoints: [path.join(here, 'src', 'main.js')],
  bundle: true,
  format: 'esm',
  target: ['chrome120'],
  minify: true,
  sourcemap: true,
  outfile: path.join(here, '..', 'wwwroot', 'dist', 'app.js'),
  loader: { '.css': 'css' },
  logLevel: 'warning',
});
await esbuild.build({
  entryPoints: [path.join(here, 'node_modules', 'ol', 'ol.css')],
  bundle: true,
  minify: true,
  outfile: path.join(here, '..', 'wwwroot', 'dist', 'ol.css'),
  logLevel: 'warning',
});
