// The kfp4j local UI: a page over the JSON API of dev.kfp4j.ui.Routes. Every value is put into the
// page as text (textContent, attributes through setAttribute), never parsed as HTML; rendered
// Markdown and HTML artifacts are shown in sandboxed frames.
'use strict';

const STATE_ORDER = ['Failed', 'Error', 'Interrupted', 'Running', 'Pending', 'Succeeded', 'Cached', 'Skipped', 'Omitted'];
let timers = [];

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'onclick') e.addEventListener('click', ev => { ev.preventDefault(); v(ev); });
    else if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function getJson(url) {
  const r = await fetch(url, {cache: 'no-store'});
  if (!r.ok) throw new Error(url + ': ' + r.status + ' ' + (await r.text()));
  return r.json();
}

function seg(s) { return encodeURIComponent(s); }
function path(p) { return p.split('/').map(seg).join('/'); }
function runUrl(kind, run) { return '/api/' + kind + '/' + seg(run.pipeline) + '/' + seg(run.runId); }

function every(ms, f) {
  const id = setInterval(f, ms);
  timers.push(id);
}

function duration(start, end) {
  if (!start) return '';
  const ms = (end ? Date.parse(end) : Date.now()) - Date.parse(start);
  if (!(ms >= 0)) return '';
  const s = ms / 1000;
  if (s < 60) return s.toFixed(1) + ' s';
  const m = Math.floor(s / 60);
  return m < 60 ? m + ' min ' + Math.round(s % 60) + ' s' : Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
}

// How long a run took, or has been going; nothing for one interrupted: its end is not known.
function took(r) { return r.state === 'Interrupted' ? '' : duration(r.startedAt, r.finishedAt); }

function when(t) { return t ? new Date(t).toLocaleString() : ''; }
function state(s) { return el('span', {class: 'state state-' + s, 'data-state': s}, s); }
/**
 * A run's tasks as run.json lists them (as they started; a cached task as it ended), but a loop's iterations of one task
 * in the order of their items, where the first of them stands: 'for-loop-1(2)/train' after 'for-loop-1(0)/train'.
 */
function inOrder(tasks) {
  const indices = id => [...id.matchAll(/\((\d+)\)/g)].map(m => Number(m[1]));
  const byTask = new Map();
  for (const entry of Object.entries(tasks || {})) {
    const task = entry[0].replace(/\(\d+\)/g, '()');
    byTask.set(task, [...(byTask.get(task) || []), entry]);
  }
  const items = (a, b) => {
    const x = indices(a[0]), y = indices(b[0]);
    const i = x.findIndex((v, k) => v !== y[k]);
    return i < 0 ? x.length - y.length : x[i] - y[i];
  };
  return [...byTask.values()].flatMap(iterations => iterations.sort(items));
}

function args(a) { return Object.entries(a || {}).map(([k, v]) => k + '=' + v).join(', '); }

function main(...children) {
  const m = document.getElementById('main');
  m.replaceChildren(...children);
  return m;
}

function fail(e) { main(el('p', {class: 'error'}, String(e.message || e))); }

// ------------------------------------------------------------------ runs

async function showRuns() {
  const table = el('table', {id: 'runs'});
  const compare = el('p', {id: 'compare-links'});
  const empty = el('p', {class: 'muted', hidden: ''}, 'No runs yet in this runs folder.');
  main(el('h1', {}, 'Runs'), compare, table, empty);
  let shown = null;
  async function refresh() {
    const runs = await getJson('/api/runs');
    // redrawn only when something changed, or a run goes on (its duration): a row stays as the user reads or clicks it
    const seen = JSON.stringify(runs);
    if (seen === shown && !runs.some(r => r.state === 'Running')) return;
    shown = seen;
    const pipelines = [...new Set(runs.map(r => r.pipeline))].sort();
    compare.replaceChildren('Compare metrics: ',
        ...pipelines.flatMap((p, i) => [i ? ' · ' : '', el('a', {href: '#/compare/' + seg(p)}, p)]));
    table.replaceChildren(
        el('tr', {}, ['Pipeline', 'Run', 'State', 'Started', 'Duration', 'Arguments'].map(h => el('th', {}, h))),
        ...runs.map(r => el('tr', {'data-run': r.runId},
            el('td', {}, r.pipeline),
            el('td', {}, el('a', {href: '#/run/' + seg(r.pipeline) + '/' + seg(r.runId)}, r.runId)),
            el('td', {}, state(r.state)),
            el('td', {}, when(r.startedAt)),
            el('td', {class: 'num'}, took(r)),
            el('td', {}, args(r.arguments)))));
    empty.hidden = runs.length > 0;
  }
  await refresh();
  every(2000, () => refresh().catch(fail));
}

// ------------------------------------------------------------------ one run

async function showRun(pipeline, runId) {
  const run0 = {pipeline, runId};
  const head = el('div', {id: 'run-head'});
  const graph = el('div', {id: 'graph'}, el('p', {class: 'muted'}, 'Drawing…'));
  const tasks = el('table', {id: 'tasks'});
  const detail = el('section', {id: 'task'});
  main(el('h1', {}, pipeline + ' / ' + runId), head, el('h2', {}, 'Graph'), graph,
      el('div', {class: 'cols'}, el('section', {}, el('h2', {}, 'Tasks'), tasks), detail));
  let run = null;
  let selected = null;
  let log = null;

  fetch(runUrl('graph', run0)).then(async r => {
    if (!r.ok) { graph.replaceChildren(el('p', {class: 'muted'}, await r.text())); return; }
    const doc = new DOMParser().parseFromString(await r.text(), 'image/svg+xml');
    doc.querySelectorAll('script,foreignObject').forEach(n => n.remove());
    const svg = document.importNode(doc.documentElement, true);
    graph.replaceChildren(svg);
    svg.querySelectorAll('g.box[data-name]').forEach(b => b.addEventListener('click', () => {
      const t = run && Object.entries(run.tasks).find(([, v]) => v.name === b.getAttribute('data-name'));
      if (t) select(t[0]);
    }));
    colour();
  });

  function colour() {
    if (!run) return;
    const byName = {};
    for (const t of Object.values(run.tasks)) (byName[t.name] = byName[t.name] || []).push(t.state);
    graph.querySelectorAll('g.box[data-name]').forEach(b => {
      const states = byName[b.getAttribute('data-name')];
      const s = states ? STATE_ORDER.find(x => states.includes(x)) || states[0] : 'Pending';
      b.setAttribute('data-state', s);
      b.classList.toggle('selected', !!selected && run.tasks[selected] && run.tasks[selected].name === b.getAttribute('data-name'));
    });
    // a condition or loop skipped whole (run.json's entry for the group, and no task of the run inside it: in a loop, one
    // iteration may skip it and another run it): it, and the steps in it (their data-group lists the ids of the groups
    // they are in), grey
    const ranIn = new Set(Object.keys(run.tasks).flatMap(id => id.split('/').slice(0, -1).map(g => g.replace(/\(\d+\)$/, ''))));
    graph.querySelectorAll('g.group[data-name]').forEach(g => {
      const name = g.getAttribute('data-name');
      const skipped = !ranIn.has(name) && (byName[name] || []).find(x => x === 'Skipped' || x === 'Omitted');
      if (!skipped) return g.removeAttribute('data-state');
      g.setAttribute('data-state', skipped);
      graph.querySelectorAll('g.box[data-state=Pending][data-group]').forEach(b => {
        if (b.getAttribute('data-group').split(' ').includes(g.id)) b.setAttribute('data-state', skipped);
      });
    });
  }

  function select(id) {
    selected = id;
    if (log) log.stop();
    log = null;
    renderTask();
    colour();
  }

  function renderHead() {
    head.replaceChildren(el('table', {},
        el('tr', {}, el('th', {}, 'State'), el('td', {}, state(run.state))),
        el('tr', {}, el('th', {}, 'Started'), el('td', {}, when(run.startedAt))),
        el('tr', {}, el('th', {}, 'Duration'), el('td', {}, took(run))),
        el('tr', {}, el('th', {}, 'Arguments'), el('td', {}, args(run.arguments))),
        // the pipeline's own outputs, once it ended (a run.json of an older kfp4j has none: no row)
        ...(run.outputs && Object.keys(run.outputs).length
            ? [el('tr', {}, el('th', {}, 'Outputs'), el('td', {}, keyValues('pipeline-outputs', run.outputs)))] : [])));
  }

  function renderTasks() {
    tasks.replaceChildren(el('tr', {}, ['Task', 'State', 'Attempts', 'Cache', 'Duration'].map(h => el('th', {}, h))),
        ...inOrder(run.tasks).map(([id, t]) => el('tr', {'data-task': id},
            el('td', {}, el('a', {href: '', onclick: () => select(id)}, t.label || id)),
            el('td', {}, state(t.state)),
            el('td', {class: 'num'}, t.attempts),
            el('td', {}, t.cached ? 'hit' : ''),
            el('td', {class: 'num'}, t.millis !== undefined ? duration(new Date(0).toISOString(), new Date(t.millis).toISOString())
                : t.state === 'Interrupted' ? '' : duration(t.startedAt, null)))));
  }

  // a task's exit code, but none of a task that never exited (-1: skipped) and not twice (a message 'exit code 1' says it)
  function exitCode(t) {
    if (t.exitCode === undefined || t.exitCode < 0) return '';
    const said = 'exit code ' + t.exitCode;
    return t.message && (t.message === said || t.message.startsWith(said + ' ')) ? '' : ' · ' + said;
  }

  function renderTask() {
    const t = selected && run.tasks[selected];
    if (!t) { detail.replaceChildren(el('p', {class: 'muted'}, 'Choose a task, in the graph or the list.')); return; }
    const pre = el('pre', {id: 'log'});
    detail.replaceChildren(el('h2', {}, 'Task ' + (t.label || selected)),
        el('p', {}, state(t.state), ' · attempts ', String(t.attempts || 0), t.cached ? ' · cache hit' : '',
            exitCode(t), t.message ? ' · ' + t.message : ''),
        el('h2', {}, 'Log'), pre,
        el('div', {id: 'task-info'}));
    log = streamLog(run0, t.folder, pre, () => run.tasks[selected] && ['Running', 'Pending'].includes(run.tasks[selected].state));
    renderInfo();
  }

  function renderInfo() {
    const t = selected && run.tasks[selected];
    const box = document.getElementById('task-info');
    if (!t || !box) return;
    const parts = [];
    const inputs = t.inputs || inputsOf(t.command);
    parts.push(el('h2', {}, 'Inputs'), keyValues('inputs', inputs));
    parts.push(el('h2', {}, 'Outputs'), keyValues('outputs', t.outputs));
    if (t.metrics && Object.keys(t.metrics).length) parts.push(el('h2', {}, 'Metrics'), keyValues('metrics', t.metrics));
    if (t.visualizations && t.visualizations.length) parts.push(el('h2', {}, 'Visualizations'), ...t.visualizations.map(visualization));
    parts.push(el('h2', {}, 'Artifacts'));
    const shown = new Set();
    for (const a of t.artifactList || []) {
      if (a.path) shown.add(a.path);
      parts.push(artifact(run0, a.name, a.path, a.type, a.metadata, a.fileName));
    }
    const files = (t.files || []).filter(f => !shown.has(f) && !f.endsWith('/log.txt'));
    if (files.length) parts.push(el('h2', {}, 'Files'), ...files.map(f => artifact(run0, f.substring(f.indexOf('/') + 1), f)));
    if (t.command) parts.push(el('h2', {}, 'Command'), el('pre', {class: 'plain'}, t.command.join(' ')));
    box.replaceChildren(...parts);
  }

  async function refresh() {
    const before = run && JSON.stringify(run);
    run = await getJson(runUrl('run', run0));
    renderHead();
    if (JSON.stringify(run) === before) return;
    renderTasks();
    colour();
    if (selected && run.tasks[selected]) {
      if (!log) renderTask(); else renderInfo();
    } else if (!selected) {
      const failed = Object.keys(run.tasks).find(id => ['Failed', 'Error'].includes(run.tasks[id].state));
      if (failed) select(failed); else renderTask();
    }
  }
  await refresh();
  every(1000, () => { if (!run || run.state === 'Running') refresh().catch(fail); });
}

function inputsOf(command) {
  const out = {};
  if (!command) return out;
  for (let i = 0; i < command.length - 1; i++) {
    const a = command[i];
    if (a === '----output-paths') break;
    if (/^--[A-Za-z0-9_-]+$/.test(a) && !a.startsWith('---') && i > 0) { out[a.substring(2)] = command[i + 1]; i++; }
  }
  return out;
}

function keyValues(id, map) {
  const entries = Object.entries(map || {});
  if (!entries.length) return el('p', {class: 'muted'}, 'none');
  return el('table', {class: id},
      ...entries.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, typeof v === 'string' ? v : JSON.stringify(v)))));
}

// A task's log: its last part first (the server sends at most 64 KiB from the end), what the task
// writes next as it comes, and earlier text a piece at a time through the button above it.
function streamLog(run, folder, pre, running) {
  const url = runUrl('log', run) + '/' + seg(folder);
  let offset = null;
  let first = 0;
  let stopped = false;
  const decoder = new TextDecoder();
  const earlier = el('button', {type: 'button', id: 'log-earlier', onclick: () => loadEarlier().catch(fail)});
  earlier.hidden = true;
  pre.before(earlier);
  function label() {
    earlier.hidden = !(first > 0);
    earlier.textContent = 'show earlier text (' + first + ' bytes before)';
  }
  async function loadEarlier() {
    const r = await fetch(url + '?end=' + first, {cache: 'no-store'});
    if (!r.ok) return;
    const text = new TextDecoder().decode(await r.arrayBuffer());
    const fromBottom = pre.scrollHeight - pre.scrollTop;
    pre.prepend(text);
    pre.scrollTop = pre.scrollHeight - fromBottom;
    first = Number(r.headers.get('X-Log-Start') || 0);
    label();
  }
  async function more() {
    if (stopped) return;
    const r = await fetch(url + (offset === null ? '' : '?offset=' + offset), {cache: 'no-store'});
    if (!r.ok) return;
    if (offset === null) {
      first = Number(r.headers.get('X-Log-Start') || 0);
      label();
    }
    const bytes = new Uint8Array(await r.arrayBuffer());
    offset = Number(r.headers.get('X-Log-Offset') || 0);
    const stick = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    if (bytes.length) pre.append(decoder.decode(bytes, {stream: true}));
    if (stick) pre.scrollTop = pre.scrollHeight;
    if (bytes.length && !stopped) setTimeout(more, 0);
  }
  more();
  let ended = false;
  const id = setInterval(() => {
    if (running()) more();
    else if (!ended) { ended = true; more(); } // what the task wrote last
  }, 1000);
  timers.push(id);
  return {stop() { stopped = true; clearInterval(id); }};
}

// ------------------------------------------------------------------ artifacts and visualizations

function artifact(run, name, file, type, metadata, fileName) {
  const box = el('div', {class: 'artifact-box', 'data-artifact': name});
  box.append(el('div', {}, el('b', {}, name), type ? ' (' + type + ')' : '', fileName ? ' ' + fileName : ''));
  if (metadata && Object.keys(metadata).length) box.append(keyValues('metadata', metadata));
  if (!file) { box.append(el('p', {class: 'muted'}, 'no local file')); return box; }
  const hints = [type ? 'type=' + seg(type) : '', fileName ? 'name=' + seg(fileName) : ''].filter(x => x).join('&');
  const query = hints ? '?' + hints : '';
  const raw = runUrl('file', run) + '/' + path(file) + query;
  getJson(runUrl('view', run) + '/' + path(file) + query).then(v => {
    const download = el('a', {href: raw + (query ? '&' : '?') + 'download', download: fileName || ''}, 'download (' + v.size + ' bytes)');
    if (v.kind === 'text') box.append(el('pre', {class: 'plain'}, v.text), v.truncated ? download : '');
    else if (v.kind === 'csv') box.append(table(v.rows, true), v.truncated ? download : '');
    else if (v.kind === 'markdown') box.append(frame({srcdoc: v.html, sandbox: ''}));
    else if (v.kind === 'html') box.append(frame({src: raw, sandbox: 'allow-scripts'}));
    else if (v.kind === 'image') box.append(el('img', {class: 'artifact', src: raw, alt: name}));
    else box.append(el('p', {}, 'binary file: ', download));
  }).catch(e => box.append(el('p', {class: 'error'}, String(e.message))));
  return box;
}

function frame(attrs) {
  const f = el('iframe', {sandbox: attrs.sandbox, referrerpolicy: 'no-referrer'});
  if (attrs.src) f.src = attrs.src; else f.srcdoc = attrs.srcdoc;
  return f;
}

function table(rows, header) {
  const [first, ...rest] = header ? rows : [null, ...rows];
  return el('table', {class: 'csv'}, first ? el('tr', {}, first.map(c => el('th', {}, c))) : null,
      ...rest.map(r => el('tr', {}, r.map(c => el('td', {}, c)))));
}

function csvRows(text) {
  return String(text || '').split(/\r?\n/).filter(l => l.length).map(l => l.split(','));
}

// KFP v1's mlpipeline-ui-metadata outputs, and KFP 2's ClassificationMetrics and SlicedClassificationMetrics metadata
// (the artifact's metadata, its type and name beside it).
function visualization(v) {
  const box = el('div', {class: 'artifact-box', 'data-visualization': v.type || 'classification'});
  const type = v.type || (v.confusionMatrix ? 'confusion_matrix' : v.confidenceMetrics ? 'roc' : '');
  if (type === 'system.ClassificationMetrics' || type === 'system.SlicedClassificationMetrics') {
    box.append(el('div', {}, el('b', {}, v.name + ' (' + type.substring('system.'.length) + ')')));
    if (type === 'system.ClassificationMetrics') classification(box, v);
    else for (const s of v.evaluationSlices || []) {
      const slice = el('div', {'data-slice': s.slice}, el('div', {}, 'slice ' + s.slice));
      classification(slice, s.sliceClassificationMetrics || {});
      box.append(slice);
    }
    return box;
  }
  box.append(el('div', {}, el('b', {}, type.replace('_', ' '))));
  if (v.storage && v.storage !== 'inline' && type !== 'markdown' && type !== 'web-app') {
    box.append(el('p', {class: 'muted'}, 'stored at ' + v.source));
    return box;
  }
  if (type === 'table') box.append(table([v.header || [], ...csvRows(v.source)], true));
  else if (type === 'markdown') box.append(frame({srcdoc: v.html || '', sandbox: ''}));
  else if (type === 'web-app') box.append(frame({srcdoc: v.source || '', sandbox: 'allow-scripts'}));
  else if (type === 'confusion_matrix') box.append(confusion(v));
  else if (type === 'roc') box.append(roc(v));
  else box.append(el('pre', {class: 'plain'}, JSON.stringify(v, null, 2)));
  return box;
}

// A KFP 2 classification's confusion matrix and ROC curve, those it has.
function classification(box, m) {
  if (m.confusionMatrix) box.append(confusion(m));
  if (m.confidenceMetrics) box.append(roc(m));
  if (!m.confusionMatrix && !m.confidenceMetrics) box.append(el('p', {class: 'muted'}, 'nothing logged'));
}

function confusion(v) {
  let labels, cell;
  if (v.confusionMatrix) {
    labels = v.confusionMatrix.annotationSpecs.map(s => s.displayName);
    cell = (i, j) => v.confusionMatrix.rows[i].row[j];
  } else {
    labels = v.labels || [];
    const counts = {};
    for (const [t, p, c] of csvRows(v.source)) counts[t + '\u0000' + p] = c;
    cell = (i, j) => counts[labels[i] + '\u0000' + labels[j]] || 0;
  }
  return table([['actual \\ predicted', ...labels], ...labels.map((l, i) => [l, ...labels.map((_, j) => cell(i, j))])], true);
}

function roc(v) {
  const points = v.confidenceMetrics
      ? v.confidenceMetrics.map(p => [p.falsePositiveRate, p.recall])
      : csvRows(v.source).map(r => [Number(r[0]), Number(r[1])]);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '-0.1 -0.05 1.15 1.15');
  svg.setAttribute('width', '260');
  svg.setAttribute('class', 'roc');
  const axis = document.createElementNS(ns, 'path');
  axis.setAttribute('d', 'M0 0 L0 1 L1 1');
  axis.setAttribute('style', 'fill:none;stroke:#5f6368;stroke-width:0.01');
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', points.sort((a, b) => a[0] - b[0]).map(([x, y]) => x + ',' + (1 - y)).join(' '));
  line.setAttribute('style', 'fill:none;stroke:#1a73e8;stroke-width:0.015');
  svg.append(axis, line);
  return el('div', {}, svg, el('div', {class: 'muted'}, 'ROC: true positive rate against false positive rate, ' + points.length + ' points'));
}

// ------------------------------------------------------------------ compare

async function showCompare(pipeline) {
  const runs = (await getJson('/api/runs')).filter(r => r.pipeline === pipeline);
  const metrics = [...new Set(runs.flatMap(r => Object.keys(r.metrics || {})))].sort();
  const params = [...new Set(runs.flatMap(r => Object.keys(r.arguments || {})))].sort();
  main(el('h1', {}, 'Metrics of ' + pipeline),
      metrics.length ? '' : el('p', {class: 'muted'}, 'No run of ' + pipeline + ' logged metrics.'),
      el('table', {id: 'compare'},
          el('tr', {}, el('th', {}, 'Run'), el('th', {}, 'State'), ...params.map(p => el('th', {}, p)), ...metrics.map(m => el('th', {class: 'metric'}, m))),
          ...runs.map(r => el('tr', {'data-run': r.runId},
              el('td', {}, el('a', {href: '#/run/' + seg(pipeline) + '/' + seg(r.runId)}, r.runId)),
              el('td', {}, state(r.state)),
              ...params.map(p => el('td', {}, (r.arguments || {})[p])),
              ...metrics.map(m => el('td', {class: 'num', 'data-metric': m}, r.metrics[m] === undefined ? '' : r.metrics[m]))))));
}

// ------------------------------------------------------------------ create run

async function showCreate() {
  const pipelines = await getJson('/api/pipelines');
  if (!pipelines.length) {
    main(el('h1', {}, 'Create run'), el('p', {class: 'muted'}, 'No compiled pipeline known: start the UI with --classes DIR (target/classes).'));
    return;
  }
  const select = el('select', {name: 'pipeline', id: 'pipeline'}, pipelines.map(p => el('option', {value: p.name}, p.name)));
  const fields = el('div', {id: 'parameters'});
  const message = el('p', {id: 'message', class: 'error'});
  const form = el('form', {id: 'create'}, el('label', {}, 'Pipeline ', select), fields, el('button', {type: 'submit'}, 'Start'), message);
  function params() {
    const p = pipelines.find(x => x.name === select.value);
    fields.replaceChildren(...p.parameters.map(q => el('label', {}, q.name + (q.type ? ' (' + q.type + ')' : '') + ' ',
        el('input', Object.assign({name: q.name, 'data-parameter': q.name, value: q.default === undefined ? '' : q.default},
            q.optional ? {'data-optional': '', placeholder: 'optional: left out when empty'} : {})))));
  }
  select.addEventListener('change', params);
  params();
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const args = {};
    fields.querySelectorAll('input[data-parameter]').forEach(i => {
      if (i.value !== '' || !i.hasAttribute('data-optional')) args[i.getAttribute('data-parameter')] = i.value;
    });
    const r = await fetch('/api/runs', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({pipeline: select.value, arguments: args})});
    if (r.ok) location.hash = '#/'; else message.textContent = await r.text();
  });
  main(el('h1', {}, 'Create run'), form);
}

// ------------------------------------------------------------------ routing

function route() {
  timers.forEach(clearInterval);
  timers = [];
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  let shown;
  if (parts[0] === 'run' && parts.length === 3) shown = showRun(parts[1], parts[2]);
  else if (parts[0] === 'compare' && parts.length === 2) shown = showCompare(parts[1]);
  else if (parts[0] === 'new') shown = showCreate();
  else shown = showRuns();
  shown.catch(fail);
}

window.addEventListener('hashchange', route);
route();
