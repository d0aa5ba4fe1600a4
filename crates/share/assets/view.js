// The page a screen in the venue opens (`/v/{view}?token=…`): the speaker timer, the stage view,
// the clock, the day's run of show or the customer's closing cues, live. The server sends instants; this page counts to them on its own clock, corrected
// by an offset measured against the server's, so every screen shows the same second even when the
// device's clock is off by minutes.
//
// The top of the file is pure logic (no DOM, no clock read: time is a parameter) so that
// `node --test` can check it; `start()` at the bottom wires it to the page and runs only in a
// browser. No dependency, no build step, nothing fetched from outside the server.

// ==== words ====================================================================================

const NB = '\u00a0'; // French puts a no-break space before `:` and inside `14 h 05`.

/** Every word the page shows, in English and Canadian French. */
export const STRINGS = {
  en: {
    'title.speaker-timer': 'Speaker timer',
    'title.stage': 'Stage',
    'title.clock': 'Clock',
    'title.run-of-show': 'Run of show',
    'title.closer': 'Closing cues',
    'title.unknown': 'Showcall',
    connecting: 'Connecting…',
    lost: 'Connection lost — reconnecting…',
    revoked: 'This link was revoked',
    unauthorized: 'This link is not valid',
    unknownView: 'This view is not available yet',
    rehearsal: 'Rehearsal',
    rehearsalSpeed: 'Rehearsal ×{speed}',
    timeLeft: 'Time left',
    wrapUp: 'Wrap up',
    wrapUpNow: 'Wrap up now',
    overtime: 'Overtime',
    nextSession: 'Next: {title}',
    startsIn: 'Starts in',
    startsInTime: 'Starts in {time}',
    nothingMore: 'Nothing more on this stage today',
    onAir: 'On air',
    upNext: 'Next',
    late: 'Running {n} min late',
    nextSegmentAt: 'Next · {time}',
    days: '{days} d {time}',
    done: 'Done',
    planned: 'Planned',
    shift: '{sign}{n} min',
    noSession: 'No session',
    nothingScheduled: 'Nothing scheduled today',
    closeStream: 'End the stream of “{session}” on {stage}',
    nextOnStage: 'Next on this stage: {session} at {time}',
    nothingToClose: 'No session for your team to close',
    allClosings: 'All closings',
    closeIn: 'Time left',
    closeSoon: 'Get ready',
    closeAlmost: 'Almost time',
    closeNow: 'Now!',
    closingDone: 'Done',
    closingSkipped: 'Skipped',
    closingTodo: 'To do',
  },
  fr: {
    'title.speaker-timer': 'Minuterie du conférencier',
    'title.stage': 'Scène',
    'title.clock': 'Horloge',
    'title.run-of-show': 'Déroulement',
    'title.closer': 'Fermetures',
    'title.unknown': 'Showcall',
    connecting: 'Connexion…',
    lost: 'Connexion perdue — reconnexion…',
    revoked: 'Ce lien a été révoqué',
    unauthorized: 'Ce lien n’est pas valide',
    unknownView: 'Cette vue n’est pas encore offerte',
    rehearsal: 'Répétition',
    rehearsalSpeed: 'Répétition ×{speed}',
    timeLeft: 'Temps restant',
    wrapUp: 'Concluez',
    wrapUpNow: 'Concluez maintenant',
    overtime: 'Dépassement',
    nextSession: `Prochaine séance${NB}: {title}`,
    startsIn: 'Commence dans',
    startsInTime: 'Commence dans {time}',
    nothingMore: 'Plus rien sur cette scène aujourd’hui',
    onAir: 'En ondes',
    upNext: 'À venir',
    late: `En retard de {n}${NB}min`,
    nextSegmentAt: 'Ensuite · {time}',
    days: '{days} j {time}',
    done: 'Terminée',
    planned: 'Prévu',
    shift: `{sign}{n}${NB}min`,
    noSession: 'Aucune séance',
    nothingScheduled: 'Rien au programme aujourd’hui',
    closeStream: `Terminez la diffusion de «${NB}{session}${NB}» sur {stage}`,
    nextOnStage: `Ensuite sur cette scène${NB}: {session} à {time}`,
    nothingToClose: 'Aucune séance à fermer par votre équipe',
    allClosings: 'Toutes les fermetures',
    closeIn: 'Temps restant',
    closeSoon: 'Préparez-vous',
    closeAlmost: 'C’est presque l’heure',
    closeNow: `Maintenant${NB}!`,
    closingDone: 'Fait',
    closingSkipped: 'Sauté',
    closingTodo: 'À faire',
  },
};

/** The text for `key` in `lang`, with `{name}` replaced by `vars.name`. */
export function say(lang, key, vars = {}) {
  const text = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

function langOf(value) {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (v === 'fr' || v.startsWith('fr-')) return 'fr';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return null;
}

/** The page's language: the URL's `?lang=` when it names one, else the event's, else English. */
export function pickLang(urlLang, eventLang) {
  return langOf(urlLang) ?? langOf(eventLang) ?? 'en';
}

/** The `lang` attribute for a page language. */
export function htmlLang(lang) {
  return lang === 'fr' ? 'fr-CA' : 'en';
}

// ==== countdowns ===============================================================================

const DAY_SECS = 86_400;
const pad2 = (n) => String(n).padStart(2, '0');

/** Whole seconds in `ms`, cut toward zero like the app's own timer (`4.9 s` → 4, `-0.5 s` → 0). */
export function wholeSecs(ms) {
  const s = Math.trunc(ms / 1000);
  return s === 0 ? 0 : s; // never -0
}

/**
 * A countdown as the speaker reads it: `04:59`, `1:02:03` past an hour, `2 d 03:10:00` (fr
 * `2 j 03:10:00`) past a day; negative (overtime) counts up with a leading `+`: `+01:12`.
 */
export function formatCountdown(secs, lang) {
  if (!Number.isFinite(secs)) return '--:--';
  const abs = Math.abs(Math.trunc(secs));
  const sign = secs <= -1 ? '+' : '';
  const h = Math.floor((abs % DAY_SECS) / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  if (abs >= DAY_SECS) {
    const time = `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
    return sign + say(lang, 'days', { days: Math.floor(abs / DAY_SECS), time });
  }
  return sign + (h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${pad2(m)}:${pad2(s)}`);
}

/** How urgent a countdown looks: `normal`, `amber` at or below `amberAt`, `red` at or below
 * `redAt`, `overtime` once past zero. */
export function countdownPhase(secs, amberAt, redAt) {
  if (secs < 0) return 'overtime';
  if (secs <= redAt) return 'red';
  if (secs <= amberAt) return 'amber';
  return 'normal';
}

const PHASE_WORD = { normal: 'timeLeft', amber: 'wrapUp', red: 'wrapUpNow', overtime: 'overtime' };
// Colour is never alone: a shape and a word go with it.
const PHASE_MARK = { normal: '', amber: '▲ ', red: '■ ', overtime: '⚠ ' };

/** The word under a countdown in `phase`, with its shape. */
export function phaseWord(phase, lang) {
  return PHASE_MARK[phase] + say(lang, PHASE_WORD[phase]);
}

/** A size class for the countdown digits, so longer texts still fit the screen's width. */
export function digitsSize(text) {
  const n = [...text].length;
  if (n <= 5) return 'xl';
  if (n <= 6) return 'l';
  if (n <= 8) return 'm';
  if (n <= 12) return 's';
  return 'xs';
}

// ==== clocks ===================================================================================

/**
 * The clock offset from samples `{t0, t1, serverNow}` (device ms before and after asking the
 * server, and the server's answer): the one with the shortest round trip wins, its offset being
 * `serverNow − (t0 + t1) / 2`. Null when no sample is usable.
 */
export function pickOffset(samples) {
  let best = null;
  for (const { t0, t1, serverNow } of samples) {
    if (![t0, t1, serverNow].every(Number.isFinite) || t1 < t0) continue;
    const rtt = t1 - t0;
    if (best === null || rtt < best.rtt) best = { offset: serverNow - (t0 + t1) / 2, rtt };
  }
  return best;
}

/** Asks `askServerNow()` `count` times in a row, timing each on `deviceNow()`; the best sample's
 * offset (see `pickOffset`), or null when every ask failed. */
export async function measureOffset(askServerNow, deviceNow, count = 5) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    try {
      const t0 = deviceNow();
      const serverNow = await askServerNow();
      samples.push({ t0, t1: deviceNow(), serverNow });
    } catch {
      // A lost sample: the others decide.
    }
  }
  return pickOffset(samples);
}

/** Simulated seconds per wall second (1 outside a rehearsal). */
export function speedOf(view) {
  const s = view?.rehearsalSpeed;
  return Number.isFinite(s) && s > 0 ? s : 1;
}

/** The event's clock now, in ms: the view's `now` moved on by the wall time elapsed on the
 * server since `serverNow` (device clock + offset), times the rehearsal speed. */
export function eventNowMs(view, deviceNow, offset) {
  const base = Date.parse(view.now);
  const at = Number.isFinite(base) ? base : view.serverNow;
  return at + (deviceNow + offset - view.serverNow) * speedOf(view);
}

/** Instant `iso` in ms, or `now + fallbackSecs` when only seconds are given, or null. */
export function targetMs(iso, fallbackSecs, viewNowMs) {
  const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (Number.isFinite(t)) return t;
  return Number.isFinite(fallbackSecs) && Number.isFinite(viewNowMs) ? viewNowMs + fallbackSecs * 1000 : null;
}

/**
 * Wall ms until the next displayed second may flip: a countdown to `t` flips when the event
 * clock's ms reach `t`'s, a clock when they reach a whole second. Between 20 and 250 ms.
 */
export function nextTickDelay(eventNow, speed, targets) {
  const here = ((eventNow % 1000) + 1000) % 1000;
  let soonest = 1000;
  for (const t of [0, ...targets]) {
    const d = (((t - here) % 1000) + 1000) % 1000 || 1000;
    soonest = Math.min(soonest, d);
  }
  return Math.min(250, Math.max(20, Math.ceil(soonest / speed) + 2));
}

const partsCache = new Map();
function zoneFormatter(zone) {
  let f = partsCache.get(zone);
  if (!f) {
    const opts = { hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...opts, timeZone: zone });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { ...opts, timeZone: 'UTC' }); // an unknown zone
    }
    partsCache.set(zone, f);
  }
  return f;
}

/** Hours (0–23), minutes and seconds of instant `ms` in IANA `zone`. */
export function zonedTime(ms, zone) {
  const p = {};
  for (const { type, value } of zoneFormatter(zone).formatToParts(new Date(ms))) p[type] = Number(value);
  return { h: p.hour % 24, m: p.minute, s: p.second };
}

/** The clock view's time of day, `14:05:09`, in `zone`. */
export function formatClock(ms, zone) {
  const { h, m, s } = zonedTime(ms, zone);
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

/** A time of day in `zone`: `2:05 PM` in English, `14 h 05` in French. */
export function formatTimeOfDay(ms, zone, lang) {
  const { h, m } = zonedTime(ms, zone);
  if (lang === 'fr') return `${h}${NB}h${NB}${pad2(m)}`;
  return `${h % 12 || 12}:${pad2(m)}${NB}${h < 12 ? 'AM' : 'PM'}`;
}

/** A rehearsal speed as a number in `lang` (`1.5`, fr `1,5`). */
export function formatSpeed(speed, lang) {
  const text = String(Math.round(speed * 100) / 100);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

// ==== connection ===============================================================================

/** Silence longer than this means the connection is lost. */
export const SILENCE_LIMIT_MS = 2500;

/** `connected`, or `lost` once nothing was heard for `SILENCE_LIMIT_MS`. */
export function connectionState(lastHeardMs, nowMs, limitMs = SILENCE_LIMIT_MS) {
  return nowMs - lastHeardMs >= limitMs ? 'lost' : 'connected';
}

/** Wait before reconnection attempt `attempt` (0 first): 1 s, 2 s, 4 s, then 5 s forever. */
export function backoffMs(attempt) {
  return Math.min(5000, 1000 * 2 ** Math.max(0, attempt));
}

/** `path?token=…`, the token URL-encoded. */
export function apiUrl(path, token) {
  return `${path}?token=${encodeURIComponent(token)}`;
}

/** Whether `x` looks like a view JSON. */
export function isView(x) {
  return typeof x === 'object' && x !== null && typeof x.view === 'string' && Number.isFinite(x.serverNow);
}

/** What an answer from `/api/view` means: `{kind: 'view', view}`, `{kind: 'fatal', reason:
 * 'revoked' | 'unauthorized'}` (stop), or `{kind: 'retry'}` (the server is not there yet). */
export function readViewAnswer(status, body) {
  let json = null;
  try {
    json = JSON.parse(body);
  } catch {
    // Not JSON: decided by the status alone.
  }
  if (status === 401 || status === 403) {
    return { kind: 'fatal', reason: json?.code === 'revoked' ? 'revoked' : 'unauthorized' };
  }
  if (status === 200 && isView(json)) return { kind: 'view', view: json };
  return { kind: 'retry' };
}

// ==== what each view shows =====================================================================

/** Stage view thresholds: amber from 2 min left, red from 30 s (as the app's live view). */
export const STAGE_AMBER_SECS = 120;
export const STAGE_RED_SECS = 30;

function countdown(target, eventNow, amberAt, redAt, lang) {
  const secs = wholeSecs(target - eventNow);
  const phase = countdownPhase(secs, amberAt, redAt);
  const digits = formatCountdown(secs, lang);
  return { digits, digitsSize: digitsSize(digits), phase, word: phaseWord(phase, lang) };
}

function speakerTimerFields(view, eventNow, lang) {
  const t = view.timer ?? {};
  const viewNow = Date.parse(view.now);
  const end = targetMs(t.endsAt, t.remainingSecs, viewNow);
  const f = {
    stage: t.stageName ?? '', lead: '', digits: '', digitsSize: 'xl', phase: 'idle', word: '',
    title: '', presenters: '', notice: '', message: t.message ?? '',
  };
  const targets = [];
  if (end !== null) {
    Object.assign(f, countdown(end, eventNow, t.amberAtSecs ?? 120, t.redAtSecs ?? 30, lang));
    f.title = t.segmentTitle ?? '';
    f.presenters = t.presenters ?? '';
    targets.push(end);
  } else if (t.nextTitle) {
    const start = targetMs(t.nextStartsAt, t.nextStartsInSecs, viewNow);
    f.title = say(lang, 'nextSession', { title: t.nextTitle });
    if (start !== null) {
      f.lead = say(lang, 'startsIn');
      f.digits = formatCountdown(Math.max(0, wholeSecs(start - eventNow)), lang);
      f.digitsSize = digitsSize(f.digits);
      f.phase = 'waiting';
      targets.push(start);
    }
  } else {
    f.notice = say(lang, 'nothingMore');
  }
  return { fields: f, targets, stage: f.stage };
}

function stageFields(view, eventNow, lang) {
  const st = view.stage ?? {};
  const zone = view.timeZone;
  const at = (iso) => formatTimeOfDay(Date.parse(iso), zone, lang);
  const viewNow = Date.parse(view.now);
  const s = st.session;
  const f = {
    stage: st.name ?? '', status: '', statusKind: 'none', late: '', sessionTitle: '', sessionTimes: '',
    startsIn: '', current: null, next: null, notice: '', message: st.message ?? '',
  };
  const targets = [];
  if (s) {
    f.statusKind = st.onAir ? 'onair' : 'next';
    f.status = say(lang, st.onAir ? 'onAir' : 'upNext');
    f.sessionTitle = s.title ?? '';
    f.sessionTimes = `${at(s.start)} – ${at(s.end)}`;
    if (!st.onAir) {
      const start = Date.parse(s.start);
      f.startsIn = say(lang, 'startsInTime', { time: formatCountdown(Math.max(0, wholeSecs(start - eventNow)), lang) });
      targets.push(start);
    }
  } else {
    f.notice = say(lang, 'nothingMore');
  }
  if (st.lateMinutes > 0) f.late = say(lang, 'late', { n: st.lateMinutes });
  const c = st.current;
  if (c) {
    const end = targetMs(c.end, c.remainingSecs, viewNow);
    f.current = { title: c.title ?? '', presenters: c.presenters ?? '', digits: '', digitsSize: 'xl', phase: 'idle', word: '' };
    if (end !== null) {
      Object.assign(f.current, countdown(end, eventNow, STAGE_AMBER_SECS, STAGE_RED_SECS, lang));
      targets.push(end);
    }
  }
  const n = st.next;
  if (n) f.next = { when: say(lang, 'nextSegmentAt', { time: at(n.start) }), title: n.title ?? '', presenters: n.presenters ?? '' };
  return { fields: f, targets, stage: f.stage };
}

function clockFields(view, eventNow, lang) {
  const rehearsal = view.rehearsal
    ? say(lang, 'rehearsalSpeed', { speed: formatSpeed(speedOf(view), lang) })
    : '';
  return {
    fields: { time: formatClock(eventNow, view.timeZone), eventName: view.eventName ?? '', zone: view.timeZone ?? '', rehearsal },
    targets: [],
    stage: '',
  };
}

// ---- the run of show: the whole day, one column per stage --------------------------------------

/** Where a session stands at event time `now`: `done` once its expected end is reached, `onair`
 * from its expected start, `upcoming` before. */
export function sessionState(startMs, endMs, now) {
  if (now >= endMs) return 'done';
  if (now >= startMs) return 'onair';
  return 'upcoming';
}

/**
 * The state of every session `{start, end}` (ms) at `now`, and the window `[from, until)` of event
 * time in which these states hold: the page marks the board again only once the clock leaves it,
 * so a day of 2,000 sessions costs nothing between two starts or ends.
 */
export function markSessions(spans, now) {
  let from = -Infinity;
  let until = Infinity;
  const states = spans.map(({ start, end }) => {
    for (const b of [start, end]) {
      if (!Number.isFinite(b)) continue;
      if (b <= now) from = Math.max(from, b);
      else until = Math.min(until, b);
    }
    return sessionState(start, end, now);
  });
  return { states, from, until };
}

/** The badge of a session in `state`: `On air`, `Done`, or nothing while it is to come. */
export function sessionMark(state, lang) {
  if (state === 'onair') return say(lang, 'onAir');
  if (state === 'done') return say(lang, 'done');
  return '';
}

/** How far `expectedMs` moved from `plannedMs`, in whole minutes (rounded; late is positive). */
export function shiftMinutes(plannedMs, expectedMs) {
  const m = Math.round((expectedMs - plannedMs) / 60_000);
  return Number.isFinite(m) && m !== 0 ? m : 0;
}

/** A shift as read on the board: `+5 min` late, `−3 min` early (a real minus), nothing on time. */
export function formatShift(minutes, lang) {
  if (!minutes) return '';
  return say(lang, 'shift', { sign: minutes > 0 ? '+' : '\u2212', n: Math.abs(minutes) });
}

/** How a session moved from its plan: the start's shift, or the end's when only the end moved
 * (an overrun, an early finish). */
export function sessionShift(s) {
  const start = shiftMinutes(Date.parse(s.plannedStart), Date.parse(s.start));
  const end = shiftMinutes(Date.parse(s.plannedEnd), Date.parse(s.end));
  const minutes = start || end;
  return { moved: start !== 0 || end !== 0, minutes, dir: minutes > 0 ? 'late' : minutes < 0 ? 'early' : '' };
}

/**
 * The run of show as the board draws it, every text ready: per stage its sessions with their
 * expected times in `zone`, the plan when they moved, the shift, and their segments. Built once
 * per change of the data (not per tick).
 */
export function rosBoard(runOfShow, zone, lang) {
  const memo = new Map(); // a day repeats its times: one zone conversion per distinct minute
  const at = (ms) => {
    let text = memo.get(ms);
    if (text === undefined) {
      text = Number.isFinite(ms) ? formatTimeOfDay(ms, zone, lang) : '--';
      memo.set(ms, text);
    }
    return text;
  };
  const range = (a, b) => `${at(a)} – ${at(b)}`;
  let count = 0;
  const stages = (runOfShow?.stages ?? []).map((st) => ({
    id: st.stageId ?? '',
    name: st.name ?? '',
    sessions: (st.sessions ?? []).map((s) => {
      count++;
      const start = Date.parse(s.start);
      const end = Date.parse(s.end);
      const shift = sessionShift(s);
      return {
        id: s.sessionId ?? '',
        title: s.title ?? '',
        start,
        end,
        times: range(start, end),
        planned: shift.moved ? range(Date.parse(s.plannedStart), Date.parse(s.plannedEnd)) : '',
        shift: formatShift(shift.minutes, lang),
        shiftDir: shift.dir,
        segments: (s.segments ?? []).map((g) => ({
          time: at(Date.parse(g.start)),
          title: g.title ?? '',
          presenters: g.presenters ?? '',
        })),
      };
    }),
  }));
  return { stages, count };
}

function runOfShowFields(view, eventNow, lang) {
  const stages = view.runOfShow?.stages ?? [];
  const empty = !stages.some((s) => (s.sessions ?? []).length > 0);
  return {
    fields: {
      heading: say(lang, 'title.run-of-show'),
      eventName: view.eventName ?? '',
      time: formatTimeOfDay(eventNow, view.timeZone, lang),
      notice: empty ? say(lang, 'nothingScheduled') : '',
    },
    targets: [],
    stage: '',
  };
}

// ---- the closer: the customer's team ends the streams of back-to-back sessions ----------------

/** Closer thresholds: the speaker timer's amber and red. */
export const CLOSER_AMBER_SECS = 120;
export const CLOSER_RED_SECS = 30;
/** A closing left to do this long past its time gives the card to the next one (it stays "to do"
 * in the list), so one missed mark in the app never hides the next closing. */
export const CLOSER_STALE_SECS = 300;

const CLOSER_WORD = { normal: 'closeIn', amber: 'closeSoon', red: 'closeAlmost', overtime: 'closeNow' };

/** The word under the closer's countdown in `phase`, with its shape. */
export function closerWord(phase, lang) {
  return PHASE_MARK[phase] + say(lang, CLOSER_WORD[phase]);
}

const toDo = (c) => c.state === 'pending' || c.state === 'notified';

/** The closing the big card shows at `now`: the soonest still pending or notified, passing over
 * those more than `CLOSER_STALE_SECS` past their time when a later one is still to do; or null. */
export function pickClosing(closings, now) {
  let best = null;
  let bestAt = Infinity;
  let stale = null;
  for (const c of closings ?? []) {
    if (!toDo(c)) continue;
    const at = Date.parse(c.expected);
    if (!Number.isFinite(at)) continue;
    if (now - at > CLOSER_STALE_SECS * 1000) {
      if (stale === null || at > Date.parse(stale.expected)) stale = c;
    } else if (at < bestAt) {
      best = c;
      bestAt = at;
    }
  }
  return best ?? stale;
}

/** The closer's card for `closing` at `now`: what to do, the countdown, what comes next. */
export function closerCard(closing, now, zone, lang) {
  const expected = Date.parse(closing.expected);
  const secs = wholeSecs(expected - now);
  const phase = countdownPhase(secs, CLOSER_AMBER_SECS, CLOSER_RED_SECS);
  const digits = formatCountdown(secs, lang);
  const nextStart = Date.parse(closing.nextStart);
  return {
    headline: say(lang, 'closeStream', { session: closing.session ?? '', stage: closing.stage ?? '' }),
    digits,
    digitsSize: digitsSize(digits),
    phase,
    word: closerWord(phase, lang),
    next: closing.nextSession && Number.isFinite(nextStart)
      ? say(lang, 'nextOnStage', { session: closing.nextSession, time: formatTimeOfDay(nextStart, zone, lang) })
      : '',
  };
}

const CLOSING_STATE = { done: ['done', 'closingDone'], skipped: ['skipped', 'closingSkipped'] };

/** The list under the card: every closing with its time in `zone` and its state (`done`,
 * `skipped` or `todo`), the card's one flagged `current`. */
export function closingRows(closings, currentKey, zone, lang) {
  return (closings ?? []).map((c) => {
    const [state, word] = CLOSING_STATE[c.state] ?? ['todo', 'closingTodo'];
    const at = Date.parse(c.expected);
    return {
      key: c.cueKey ?? '',
      time: Number.isFinite(at) ? formatTimeOfDay(at, zone, lang) : '--',
      session: c.session ?? '',
      stage: c.stage ?? '',
      state,
      stateText: say(lang, word),
      current: currentKey !== null && c.cueKey === currentKey,
    };
  });
}

function closerFields(view, eventNow, lang) {
  const closings = view.closer?.closings ?? [];
  const next = pickClosing(closings, eventNow);
  const card = next ? closerCard(next, eventNow, view.timeZone, lang) : null;
  return {
    fields: {
      heading: say(lang, 'title.closer'),
      time: formatTimeOfDay(eventNow, view.timeZone, lang),
      card,
      notice: card ? '' : say(lang, 'nothingToClose'),
      listHeading: closings.length > 0 ? say(lang, 'allClosings') : '',
    },
    targets: next ? [Date.parse(next.expected)] : [],
    stage: '',
    list: closingRows(closings, next?.cueKey ?? null, view.timeZone, lang),
  };
}

const SECTIONS = {
  'speaker-timer': speakerTimerFields,
  stage: stageFields,
  clock: clockFields,
  'run-of-show': runOfShowFields,
  closer: closerFields,
};

/**
 * Everything the page shows for `view` at event time `eventNow`: which section, the document
 * title, blackout, the text of each field, the instants counted to (for `nextTickDelay`), and the
 * closer's rows (`list`). The run of show's board is `rosBoard`'s, drawn only when its data change.
 */
export function viewModel(view, eventNow, lang) {
  const build = SECTIONS[view.view];
  if (!build) {
    return { section: 'unknown', title: say(lang, 'title.unknown'), blackout: false, fields: { notice: say(lang, 'unknownView') }, targets: [] };
  }
  const { fields, targets, stage, list = null } = build(view, eventNow, lang);
  if (!('rehearsal' in fields)) fields.rehearsal = view.rehearsal ? say(lang, 'rehearsal') : '';
  const name = say(lang, `title.${view.view}`) + (stage ? ` · ${stage}` : '');
  return {
    section: view.view,
    title: view.eventName ? `${name} — ${view.eventName}` : name,
    blackout: view.view === 'speaker-timer' && view.timer?.blackout === true,
    fields,
    targets,
    list,
  };
}

/** Nested fields as one level: `{current: {digits: '1'}}` → `{'current.digits': '1'}`; a null
 * group becomes `{current: ''}` (the page hides it). */
export function flatten(fields, prefix = '') {
  const out = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v !== null && typeof v === 'object') Object.assign(out, { [prefix + k]: 'yes' }, flatten(v, `${prefix}${k}.`));
    else out[prefix + k] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

// ==== the page =================================================================================

const TIME_REFRESH_MS = 60_000;
const FETCH_TIMEOUT_MS = 4000;

async function fetchWithin(url, ms) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), ms);
  try {
    return await fetch(url, { cache: 'no-store', signal: ctl.signal });
  } finally {
    clearTimeout(timer);
  }
}

/** Wires the page: load, stream, watchdog, clock offset, ticking render. Browser only. */
export function start() {
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? '';
  const urlLang = params.get('lang');
  const mono = () => performance.now(); // the watchdog's clock: device clock changes don't matter
  const st = {
    view: null, offset: null, measured: false, fatal: null, lost: false, es: null, heard: mono(),
    up: false, attempt: 0, retry: null, tick: null, measuring: false, shown: {},
  };
  const $ = (id) => document.getElementById(id);
  const banner = $('conn');
  const lang = () => pickLang(urlLang, st.view?.lang);

  const setText = (el, text) => {
    if (el.textContent !== text) el.textContent = text;
  };
  const setPage = (title, lng) => {
    if (document.title !== title) document.title = title;
    if (document.documentElement.lang !== htmlLang(lng)) document.documentElement.lang = htmlLang(lng);
  };
  const show = (section) => {
    for (const el of document.querySelectorAll('[data-section]')) el.hidden = el.dataset.section !== section;
  };
  // Each section's bound elements, found once: the run of show's board holds thousands of nodes
  // that a per-tick search would walk for nothing.
  const bound = new Map();
  const boundIn = (section) => {
    let b = bound.get(section);
    if (!b) {
      const root = document.querySelector(`[data-section="${section}"]`);
      b = {
        root,
        f: [...root.querySelectorAll('[data-f]')],
        show: [...root.querySelectorAll('[data-show]')],
        attr: [root, ...root.querySelectorAll('[data-attr]')],
      };
      bound.set(section, b);
    }
    return b;
  };
  const applyFields = (section, fields) => {
    const flat = flatten(fields);
    const b = boundIn(section);
    for (const el of b.f) {
      const v = flat[el.dataset.f] ?? '';
      setText(el, v);
      if (!('live' in el.dataset)) el.hidden = v === '';
    }
    for (const el of b.show) el.hidden = !flat[el.dataset.show];
    for (const el of b.attr) {
      for (const pair of (el.dataset.attr ?? '').split(' ').filter(Boolean)) {
        const [attr, key] = pair.split('=');
        if (el.dataset[attr] !== (flat[key] ?? '')) el.dataset[attr] = flat[key] ?? '';
      }
    }
  };

  // ---- the run of show: built once per change of its data, marked only when a session starts
  // or ends; nothing else touches its nodes.
  const make = (tag, cls, text) => {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const ros = { view: null, lang: '', key: '', items: [], spans: [], from: Infinity, until: -Infinity, scrolled: false };
  const buildBoard = (board, lng) => {
    const frag = document.createDocumentFragment();
    const items = [];
    for (const stage of board.stages) {
      const col = make('section', 'ros-stage');
      col.append(make('h2', 'ros-stage-name', stage.name));
      if (stage.sessions.length === 0) col.append(make('p', 'ros-none', say(lng, 'noSession')));
      const list = make('ol', 'ros-sessions');
      for (const s of stage.sessions) {
        const li = make('li', 'ros-session');
        li.dataset.state = 'upcoming';
        const head = make('p', 'ros-head');
        const mark = make('span', 'ros-mark');
        mark.hidden = true;
        head.append(make('span', 'ros-times', s.times), mark);
        li.append(head);
        if (s.planned) {
          const plan = make('p', 'ros-plan');
          const was = make('s', 'ros-planned');
          was.append(make('span', 'sr', `${say(lng, 'planned')} `), s.planned);
          plan.append(was);
          if (s.shift) {
            const shift = make('span', 'ros-shift', s.shift);
            shift.dataset.dir = s.shiftDir;
            plan.append(' ', shift);
          }
          li.append(plan);
        }
        li.append(make('h3', 'ros-title', s.title));
        if (s.segments.length > 0) {
          const segs = make('ul', 'ros-segments');
          for (const g of s.segments) {
            const row = make('li');
            row.append(make('span', 'ros-seg-time', g.time), make('span', 'ros-seg-title', g.title));
            if (g.presenters) row.append(make('span', 'ros-seg-people', g.presenters));
            segs.append(row);
          }
          li.append(segs);
        }
        list.append(li);
        items.push({ li, mark, list, state: 'upcoming' });
      }
      col.append(list);
      frag.append(col);
    }
    $('ros-board').replaceChildren(frag);
    ros.items = items;
    ros.spans = board.stages.flatMap((stage) => stage.sessions);
    ros.from = Infinity; // marks again at once
  };
  const markBoard = (now, lng) => {
    const { states, from, until } = markSessions(ros.spans, now);
    ros.items.forEach((it, i) => {
      const state = states[i];
      if (it.state === state) return;
      it.state = state;
      it.li.dataset.state = state;
      if (state === 'onair') it.li.setAttribute('aria-current', 'time');
      else it.li.removeAttribute('aria-current');
      it.mark.textContent = sessionMark(state, lng);
      it.mark.hidden = state === 'upcoming';
    });
    ros.from = from;
    ros.until = until;
  };
  const drawBoard = (view, lng, now) => {
    if (ros.view !== view || ros.lang !== lng) {
      ros.view = view;
      ros.lang = lng;
      // A new message each time the show moves, but the same day after a reconnection: the
      // data decide, not the message.
      const key = `${lng}\n${view.timeZone}\n${JSON.stringify(view.runOfShow ?? null)}`;
      if (key !== ros.key) {
        ros.key = key;
        buildBoard(rosBoard(view.runOfShow, view.timeZone, lng), lng);
      }
    }
    if (now < ros.from || now >= ros.until) markBoard(now, lng);
  };
  // Once, when the board first has sessions: each column shows its session on air (else its next
  // one) at the top; afterwards the scroll is the reader's.
  const scrollToNow = () => {
    if (ros.scrolled || ros.items.length === 0) return;
    ros.scrolled = true;
    const place = () => {
      const wide = matchMedia('(min-width: 700px)').matches;
      const seen = new Set();
      const board = $('ros-board');
      for (const it of [...ros.items.filter((x) => x.state === 'onair'), ...ros.items.filter((x) => x.state === 'upcoming')]) {
        if (seen.has(it.list)) continue;
        seen.add(it.list);
        const box = wide ? it.list : board;
        // Stacked, the stage's name sticks at the top of the board: land below it.
        const name = wide ? 0 : it.list.parentElement.querySelector('.ros-stage-name').offsetHeight;
        box.scrollTop += it.li.getBoundingClientRect().top - box.getBoundingClientRect().top - name - 8;
        if (!wide) break; // one column of columns: the first session on air leads
      }
    };
    place();
    // Blocks laid out only near the screen get their real height once there: place again after
    // they did (browsers without scroll anchoring would leave the session half hidden).
    requestAnimationFrame(() => requestAnimationFrame(place));
  };

  // ---- the closer's list: small, rebuilt when its rows change.
  let closingsKey = '';
  const drawClosings = (rows) => {
    const key = JSON.stringify(rows);
    if (key === closingsKey) return;
    closingsKey = key;
    const frag = document.createDocumentFragment();
    for (const r of rows) {
      const li = make('li', 'closing');
      li.dataset.state = r.state;
      if (r.current) li.setAttribute('aria-current', 'step');
      const what = make('span', 'closing-what');
      what.append(make('span', 'closing-session', r.session), make('span', 'closing-stage', r.stage));
      li.append(make('span', 'closing-time', r.time), what, make('span', 'closing-state', r.stateText));
      frag.append(li);
    }
    $('closings').replaceChildren(frag);
  };

  const render = () => {
    const lng = lang();
    if (st.fatal) {
      document.documentElement.classList.remove('blackout');
      setText(banner, '');
      setText($('fatal-text'), say(lng, st.fatal));
      setPage(say(lng, st.fatal), lng);
      show('fatal');
      return null;
    }
    setText(banner, st.lost ? say(lng, 'lost') : '');
    document.documentElement.classList.toggle('stale', st.lost);
    if (!st.view || st.offset === null) {
      setText($('connecting'), say(lng, 'connecting'));
      setPage(say(lng, 'title.unknown'), lng);
      show('loading');
      return null;
    }
    const now = eventNowMs(st.view, Date.now(), st.offset);
    const model = viewModel(st.view, now, lng);
    document.documentElement.classList.toggle('blackout', model.blackout);
    setPage(model.title, lng);
    applyFields(model.section, model.fields);
    if (model.section === 'run-of-show') drawBoard(st.view, lng, now);
    if (model.list) drawClosings(model.list);
    show(model.section);
    if (model.section === 'run-of-show') scrollToNow();
    return { now, model };
  };
  const tick = () => {
    clearTimeout(st.tick);
    const r = render();
    const delay = r ? nextTickDelay(r.now, speedOf(st.view), r.model.targets) : 250;
    if (!st.fatal) st.tick = setTimeout(tick, delay);
  };

  const measure = async () => {
    if (st.measuring || st.fatal) return;
    st.measuring = true;
    try {
      const best = await measureOffset(async () => {
        const r = await fetchWithin('/api/time', FETCH_TIMEOUT_MS);
        const j = await r.json();
        if (!r.ok || !Number.isFinite(j?.serverNow)) throw new Error('no time');
        return j.serverNow;
      }, Date.now);
      if (best) {
        st.offset = best.offset;
        st.measured = true;
        tick();
      }
    } finally {
      st.measuring = false;
    }
  };
  // Until the handshake answers, a rough offset from what the server stamped (one-way delay off).
  const roughOffset = (serverNow) => {
    if (!st.measured && Number.isFinite(serverNow)) st.offset = serverNow - Date.now();
  };

  const fail = (reason) => {
    st.fatal = reason;
    closeStream();
    clearTimeout(st.retry);
    tick();
  };
  const closeStream = () => {
    if (st.es) st.es.close();
    st.es = null;
  };
  const lose = () => {
    if (st.fatal) return;
    closeStream();
    if (!st.lost) {
      st.lost = true;
      tick();
    }
    if (st.retry !== null) return;
    st.retry = setTimeout(() => {
      st.retry = null;
      connect();
    }, backoffMs(st.attempt++));
  };
  const heard = () => {
    st.heard = mono();
    if (st.up) return;
    st.up = true;
    st.attempt = 0;
    if (st.lost) {
      st.lost = false;
      measure();
      tick();
    }
  };
  const takeView = (v) => {
    st.view = v;
    roughOffset(v.serverNow);
    tick();
  };

  const openStream = () => {
    closeStream();
    const es = new EventSource(apiUrl('/api/stream', token));
    st.es = es;
    st.up = false;
    st.heard = mono();
    const mine = (fn) => (e) => {
      if (st.es === es && !st.fatal) fn(e);
    };
    es.onmessage = mine((e) => {
      heard();
      try {
        const v = JSON.parse(e.data);
        if (isView(v)) takeView(v);
      } catch {
        // A garbled message: the next one will do.
      }
    });
    es.addEventListener('ping', mine((e) => {
      heard();
      try {
        roughOffset(JSON.parse(e.data).serverNow);
      } catch {
        // Only liveness matters here.
      }
    }));
    es.addEventListener('revoked', mine(() => fail('revoked')));
    // The event was deleted: the link leads nowhere now.
    es.addEventListener('gone', mine(() => fail('unauthorized')));
    es.onerror = mine(() => lose());
  };

  const connect = async () => {
    if (st.fatal) return;
    let answer;
    try {
      const r = await fetchWithin(apiUrl('/api/view', token), FETCH_TIMEOUT_MS);
      answer = readViewAnswer(r.status, await r.text());
    } catch {
      answer = { kind: 'retry' };
    }
    if (st.fatal) return;
    if (answer.kind === 'fatal') return fail(answer.reason);
    if (answer.kind === 'retry') return lose();
    takeView(answer.view);
    openStream();
  };

  // The watchdog: silence for 2.5 s means lost; checked four times a second.
  setInterval(() => {
    if (st.es && !st.lost && !st.fatal && connectionState(st.heard, mono()) === 'lost') lose();
  }, 250);
  setInterval(measure, TIME_REFRESH_MS);

  // Back from sleep or a hidden tab: check the clock again, keep the screen awake if allowed.
  const wake = () => navigator.wakeLock?.request('screen').catch(() => undefined);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    measure();
    wake();
    tick();
  });
  wake();
  // F or a double-click: full screen, where the browser allows it.
  const full = () => {
    const el = document.documentElement;
    const fs = document.fullscreenElement ?? document.webkitFullscreenElement;
    const go = fs
      ? document.exitFullscreen ?? document.webkitExitFullscreen
      : el.requestFullscreen ?? el.webkitRequestFullscreen;
    try {
      Promise.resolve(go?.call(fs ? document : el)).catch(() => undefined);
    } catch {
      // Not offered here (iPhone Safari).
    }
  };
  document.addEventListener('dblclick', full);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'f' || e.key === 'F') full();
  });

  if (!token) return fail('unauthorized');
  tick();
  measure();
  connect();
}

if (typeof document !== 'undefined') start();
