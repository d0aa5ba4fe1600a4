// Unit tests for the shared view's pure logic: `node --test crates/share/assets/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiUrl,
  backoffMs,
  closerCard,
  closingRows,
  connectionState,
  countdownPhase,
  digitsSize,
  eventNowMs,
  flatten,
  formatClock,
  formatCountdown,
  formatShift,
  formatTimeOfDay,
  htmlLang,
  markSessions,
  measureOffset,
  nextTickDelay,
  pickClosing,
  pickLang,
  pickOffset,
  readViewAnswer,
  rosBoard,
  sessionMark,
  sessionShift,
  sessionState,
  shiftMinutes,
  STRINGS,
  viewModel,
  wholeSecs,
} from './view.js';

const NB = '\u00a0';
const MIN = 60_000;

/** A speaker-timer view served at wall instant `wall` (ms), the event clock at `eventNow`. */
function timerView({ wall, eventNow = wall, speed = null, timer = {}, ...rest }) {
  return {
    view: 'speaker-timer',
    lang: 'en',
    eventName: 'Summit',
    timeZone: 'America/Toronto',
    now: new Date(eventNow).toISOString(),
    serverNow: wall,
    rehearsal: speed !== null,
    rehearsalSpeed: speed,
    timer: {
      stageName: 'Main stage',
      segmentTitle: 'Keynote',
      presenters: 'Ada Lovelace',
      remainingSecs: null,
      endsAt: null,
      nextTitle: '',
      nextStartsAt: null,
      nextStartsInSecs: null,
      amberAtSecs: 120,
      redAtSecs: 30,
      message: '',
      blackout: false,
      ...timer,
    },
    stage: null,
    ...rest,
  };
}

const W0 = Date.parse('2025-06-01T18:00:00.000Z');
const iso = (ms) => new Date(ms).toISOString();

test('countdowns read MM:SS under an hour, H:MM:SS past one, days far away', () => {
  assert.equal(formatCountdown(0, 'en'), '00:00');
  assert.equal(formatCountdown(42, 'en'), '00:42', 'under a minute keeps two minute digits');
  assert.equal(formatCountdown(299, 'en'), '04:59');
  assert.equal(formatCountdown(3599, 'en'), '59:59');
  assert.equal(formatCountdown(3600, 'en'), '1:00:00');
  assert.equal(formatCountdown(3723, 'en'), '1:02:03');
  const far = 2 * 86_400 + 3 * 3600 + 10 * 60;
  assert.equal(formatCountdown(far, 'en'), '2 d 03:10:00');
  assert.equal(formatCountdown(far, 'fr'), '2 j 03:10:00', 'French says jours');
});

test('overtime counts up with a leading plus', () => {
  assert.equal(formatCountdown(-72, 'en'), '+01:12');
  assert.equal(formatCountdown(-1, 'en'), '+00:01');
  assert.equal(formatCountdown(-3723, 'en'), '+1:02:03');
  assert.equal(formatCountdown(-86_400, 'fr'), '+1 j 00:00:00');
});

test('seconds are cut toward zero, as in the app window, and never -0', () => {
  assert.equal(wholeSecs(4999), 4);
  assert.ok(Object.is(wholeSecs(-999), 0), 'the first 999 ms past the end still read 00:00');
  assert.equal(wholeSecs(-1000), -1);
  assert.equal(formatCountdown(wholeSecs(-500), 'en'), '00:00');
});

test('the colour phase turns at the thresholds, inclusive', () => {
  const at = (s) => countdownPhase(s, 120, 30);
  assert.equal(at(121), 'normal');
  assert.equal(at(120), 'amber', 'amber at amberAtSecs');
  assert.equal(at(31), 'amber');
  assert.equal(at(30), 'red', 'red at redAtSecs');
  assert.equal(at(0), 'red', 'zero left is red, not yet overtime');
  assert.equal(at(-1), 'overtime');
});

test('the digits get smaller as the text gets longer', () => {
  assert.equal(digitsSize('04:59'), 'xl');
  assert.equal(digitsSize('+04:59'), 'l');
  assert.equal(digitsSize('+1:02:03'), 'm');
  assert.equal(digitsSize('2 d 03:10:00'), 's');
  assert.equal(digitsSize('123 d 03:10:00'), 'xs');
});

test('the clock offset comes from the sample with the smallest round trip', () => {
  const samples = [
    { t0: 1000, t1: 1300, serverNow: 5000 }, // rtt 300
    { t0: 2000, t1: 2040, serverNow: 6100 }, // rtt 40: this one
    { t0: 3000, t1: 3100, serverNow: 7000 }, // rtt 100
    { t0: 4000, t1: 3990, serverNow: 1 }, // a clock step backwards: not a sample
  ];
  const best = pickOffset(samples);
  assert.equal(best.rtt, 40);
  assert.equal(best.offset, 6100 - 2020);
  assert.equal(pickOffset([]), null);
});

test('measureOffset times each ask and skips failed ones', async () => {
  // A device 7 min ahead; the server answers after `up` ms and its reply takes `down` ms back.
  let trueNow = W0;
  const legs = [[150, 10], [5, 5], null, [40, 200], [30, 30]];
  let i = 0;
  const device = () => trueNow + 7 * MIN;
  const ask = async () => {
    const leg = legs[i++];
    if (!leg) throw new Error('network');
    trueNow += leg[0];
    const at = trueNow;
    trueNow += leg[1];
    return at;
  };
  const best = await measureOffset(ask, device, 5);
  assert.equal(i, 5, 'five asks');
  assert.equal(best.rtt, 10, 'the 5 ms + 5 ms round trip wins');
  assert.equal(best.offset, -7 * MIN, 'a symmetric trip gives the exact offset');
});

test('a device whose clock is 7 minutes fast shows the right countdown', async () => {
  // The segment ends 5 min after the view was served; 10.2 s later on the true wall clock…
  const view = timerView({ wall: W0, timer: { endsAt: iso(W0 + 5 * MIN), remainingSecs: 300 } });
  let trueNow = W0 + 10_200;
  const device = () => trueNow + 7 * MIN;
  const best = await measureOffset(async () => {
    trueNow += 20;
    const at = trueNow;
    trueNow += 20;
    return at;
  }, device);
  trueNow = W0 + 10_200;
  const now = eventNowMs(view, device(), best.offset);
  assert.equal(now, W0 + 10_200, 'the event clock is the true clock, not the device one');
  assert.equal(viewModel(view, now, 'en').fields.digits, '04:49');
  // Without the offset the screen would be 7 minutes off.
  assert.equal(viewModel(view, eventNowMs(view, device(), 0), 'en').fields.phase, 'overtime');
});

test('in a rehearsal at 60× the event clock runs a minute per second', () => {
  const sim = Date.parse('2025-06-02T13:00:00Z'); // the simulated morning, served at W0
  const view = timerView({ wall: W0, eventNow: sim, speed: 60, timer: { endsAt: iso(sim + 15 * MIN) } });
  const offset = 1234; // the device is 1.234 s behind the server
  const device = W0 - offset + 10_000; // 10 s later on the server's clock
  const now = eventNowMs(view, device, offset);
  assert.equal(now, sim + 10 * MIN);
  assert.equal(viewModel(view, now, 'en').fields.digits, '05:00');
  // Outside a rehearsal (speed null) the same 10 s are 10 s.
  const real = timerView({ wall: W0, timer: { endsAt: iso(W0 + 15 * MIN) } });
  assert.equal(viewModel(real, eventNowMs(real, device, offset), 'en').fields.digits, '14:50');
});

test('the URL language beats the event language', () => {
  assert.equal(pickLang('fr', 'en'), 'fr');
  assert.equal(pickLang('fr-CA', 'en'), 'fr');
  assert.equal(pickLang('EN', 'fr'), 'en');
  assert.equal(pickLang(null, 'fr'), 'fr', 'no override: the event decides');
  assert.equal(pickLang('de', 'fr'), 'fr', 'an unknown override is ignored');
  assert.equal(pickLang(null, undefined), 'en');
  assert.equal(htmlLang('fr'), 'fr-CA');
  assert.equal(htmlLang('en'), 'en');
});

test('both languages have every string', () => {
  assert.deepEqual(Object.keys(STRINGS.fr).sort(), Object.keys(STRINGS.en).sort());
});

test('the watchdog calls the connection lost at 2.5 s of silence', () => {
  assert.equal(connectionState(10_000, 10_000), 'connected');
  assert.equal(connectionState(10_000, 12_499), 'connected');
  assert.equal(connectionState(10_000, 12_500), 'lost');
  assert.equal(connectionState(10_000, 60_000), 'lost');
});

test('reconnection backs off 1 s, 2 s, 4 s, then 5 s for ever', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 50].map(backoffMs), [1000, 2000, 4000, 5000, 5000, 5000]);
});

test('times of day are shown in the event zone: h:mm a in English, 24 h in French', () => {
  const summer = Date.parse('2025-06-01T18:05:09Z'); // EDT, UTC−4
  assert.equal(formatTimeOfDay(summer, 'America/Toronto', 'en'), `2:05${NB}PM`);
  assert.equal(formatTimeOfDay(summer, 'America/Toronto', 'fr'), `14${NB}h${NB}05`);
  assert.equal(formatClock(summer, 'America/Toronto'), '14:05:09');
  assert.equal(formatClock(summer, 'Europe/Paris'), '20:05:09');
  const winter = Date.parse('2025-01-15T05:07:00Z'); // EST, UTC−5: just past midnight
  assert.equal(formatTimeOfDay(winter, 'America/Toronto', 'en'), `12:07${NB}AM`);
  assert.equal(formatTimeOfDay(winter, 'America/Toronto', 'fr'), `0${NB}h${NB}07`);
  assert.equal(formatClock(winter, 'America/Toronto'), '00:07:00');
  assert.equal(formatClock(winter, 'Not/A_Zone'), '05:07:00', 'an unknown zone falls back to UTC');
});

test('the speaker timer counts down with its word, title and message', () => {
  const view = timerView({ wall: W0, timer: { endsAt: iso(W0 + 100_000), message: 'Wrap up' } });
  const m = viewModel(view, W0, 'en');
  assert.equal(m.section, 'speaker-timer');
  assert.equal(m.fields.digits, '01:40');
  assert.equal(m.fields.phase, 'amber');
  assert.equal(m.fields.word, '▲ Wrap up');
  assert.equal(m.fields.title, 'Keynote');
  assert.equal(m.fields.presenters, 'Ada Lovelace');
  assert.equal(m.fields.message, 'Wrap up');
  assert.equal(m.title, 'Speaker timer · Main stage — Summit');
  assert.deepEqual(m.targets, [W0 + 100_000]);
  const over = viewModel(view, W0 + 172_000, 'fr').fields;
  assert.equal(over.digits, '+01:12');
  assert.equal(over.phase, 'overtime');
  assert.equal(over.word, '⚠ Dépassement');
});

test('with only remainingSecs the timer counts from the view’s now', () => {
  const view = timerView({ wall: W0, timer: { remainingSecs: 90 } });
  assert.equal(viewModel(view, W0 + 30_000, 'en').fields.digits, '01:00');
});

test('between sessions the timer counts to the next one', () => {
  const view = timerView({
    wall: W0,
    timer: { segmentTitle: '', presenters: '', nextTitle: 'Panel', nextStartsAt: iso(W0 + 299_500) },
  });
  const en = viewModel(view, W0, 'en').fields;
  assert.equal(en.title, 'Next: Panel');
  assert.equal(en.lead, 'Starts in');
  assert.equal(en.digits, '04:59');
  assert.equal(en.phase, 'waiting');
  assert.equal(viewModel(view, W0, 'fr').fields.title, `Prochaine séance${NB}: Panel`);
  assert.equal(viewModel(view, W0 + 400_000, 'en').fields.digits, '00:00', 'never negative');
  const none = timerView({ wall: W0, timer: { segmentTitle: '', presenters: '' } });
  const f = viewModel(none, W0, 'fr').fields;
  assert.equal(f.notice, 'Plus rien sur cette scène aujourd’hui');
  assert.equal(f.digits, '');
});

test('blackout is flagged and a rehearsal is tagged', () => {
  const view = timerView({ wall: W0, speed: 2, timer: { endsAt: iso(W0 + 1000), blackout: true } });
  const m = viewModel(view, W0, 'fr');
  assert.equal(m.blackout, true);
  assert.equal(m.fields.rehearsal, 'Répétition');
  assert.equal(viewModel(timerView({ wall: W0 }), W0, 'en').blackout, false);
});

test('the stage view shows now, next, times in the zone and lateness', () => {
  const t = (h, m) => `2025-06-01T${String(h + 4).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
  const view = {
    ...timerView({ wall: W0 }),
    view: 'stage',
    timer: null,
    stage: {
      stageId: 's1',
      name: 'Room B',
      onAir: true,
      lateMinutes: 5,
      message: '',
      session: { sessionId: 'x', title: 'Cloud track', start: t(14, 0), end: t(15, 30), endsInSecs: 0, actualStart: null, actualEnd: null },
      current: { segmentId: 'g1', sessionId: 'x', title: 'Talk', kind: 'talk', presenters: 'Grace', start: t(14, 0), end: iso(W0 + 20_000), remainingSecs: 20 },
      next: { segmentId: 'g2', sessionId: 'x', title: 'Q&A', kind: 'talk', presenters: '', start: t(14, 45), end: t(15, 0), remainingSecs: 0 },
    },
  };
  const en = viewModel(view, W0, 'en');
  assert.equal(en.fields.status, 'On air');
  assert.equal(en.fields.sessionTimes, `2:00${NB}PM – 3:30${NB}PM`);
  assert.equal(en.fields.late, 'Running 5 min late');
  assert.equal(en.fields.current.digits, '00:20');
  assert.equal(en.fields.current.phase, 'red', 'the stage view turns red at 30 s');
  assert.equal(en.fields.next.when, `Next · 2:45${NB}PM`);
  const fr = viewModel(view, W0, 'fr');
  assert.equal(fr.fields.status, 'En ondes');
  assert.equal(fr.fields.sessionTimes, `14${NB}h${NB}00 – 15${NB}h${NB}30`);
  assert.equal(fr.fields.late, `En retard de 5${NB}min`);
  const idle = viewModel({ ...view, stage: { ...view.stage, onAir: false, lateMinutes: 0, current: null, next: null, session: { ...view.stage.session, start: iso(W0 + 60_000) } } }, W0, 'en');
  assert.equal(idle.fields.status, 'Next');
  assert.equal(idle.fields.startsIn, 'Starts in 01:00');
  assert.equal(idle.fields.late, '');
  assert.equal(flatten(idle.fields).current, '', 'no current segment: its block hides');
});

test('the clock shows the event time of day and the rehearsal speed', () => {
  const sim = Date.parse('2025-06-02T13:00:00Z');
  const view = { ...timerView({ wall: W0, eventNow: sim, speed: 1.5 }), view: 'clock', timer: null };
  const fr = viewModel(view, sim, 'fr');
  assert.equal(fr.fields.time, '09:00:00');
  assert.equal(fr.fields.rehearsal, 'Répétition ×1,5');
  assert.equal(fr.title, 'Horloge — Summit');
  assert.equal(viewModel({ ...view, rehearsal: false, rehearsalSpeed: null }, sim, 'en').fields.rehearsal, '');
});

test('an unknown view says it is not available', () => {
  const m = viewModel({ ...timerView({ wall: W0 }), view: 'sponsor-loop' }, W0, 'fr');
  assert.equal(m.section, 'unknown');
  assert.equal(m.fields.notice, 'Cette vue n’est pas encore offerte');
});

test('a 401 says revoked or invalid and stops; other failures retry', () => {
  assert.deepEqual(readViewAnswer(401, '{"code":"revoked","message":"x"}'), { kind: 'fatal', reason: 'revoked' });
  assert.deepEqual(readViewAnswer(401, '{"code":"unauthorized","message":"x"}'), { kind: 'fatal', reason: 'unauthorized' });
  assert.deepEqual(readViewAnswer(403, 'nope'), { kind: 'fatal', reason: 'unauthorized' });
  assert.deepEqual(readViewAnswer(503, ''), { kind: 'retry' });
  assert.deepEqual(readViewAnswer(200, '<html>'), { kind: 'retry' });
  const v = timerView({ wall: W0 });
  assert.deepEqual(readViewAnswer(200, JSON.stringify(v)), { kind: 'view', view: v });
});

test('the token is URL-encoded', () => {
  assert.equal(apiUrl('/api/view', 'a b&c=d/+'), '/api/view?token=a%20b%26c%3Dd%2F%2B');
});

test('the next tick lands just after the next second flips', () => {
  assert.equal(nextTickDelay(W0 + 900, 1, []), 102, 'a whole second 100 ms away');
  assert.equal(nextTickDelay(W0 + 300, 1, []), 250, 'never sleeps more than 250 ms');
  assert.equal(nextTickDelay(W0 + 900, 1, [W0 + 5950]), 52, 'a countdown with its own ms flips first');
  assert.equal(nextTickDelay(W0 + 500, 60, []), 20, 'a fast rehearsal ticks as often as allowed');
});

// ==== the run of show ====

/** `2025-06-01` at `h:m` in Toronto (EDT, UTC−4), as the server writes it. */
const at = (h, m) => Date.parse('2025-06-01T00:00:00-04:00') + (h * 60 + m) * MIN;
const tor = (h, m) => iso(at(h, m));

function session({ id = 's', title = 'Opening', plan = [9, 0, 10, 0], moved = 0, endMoved = moved, segments = [] } = {}) {
  const [sh, sm, eh, em] = plan;
  return {
    sessionId: id,
    title,
    plannedStart: tor(sh, sm),
    plannedEnd: tor(eh, em),
    start: iso(at(sh, sm) + moved * MIN),
    end: iso(at(eh, em) + endMoved * MIN),
    actualStart: null,
    actualEnd: null,
    segments,
  };
}

test('a session is on air from its start up to (not including) its end, then done', () => {
  const [s, e] = [at(9, 0), at(10, 0)];
  assert.equal(sessionState(s, e, s - 1), 'upcoming');
  assert.equal(sessionState(s, e, s), 'onair', 'on air at its very start');
  assert.equal(sessionState(s, e, e - 1), 'onair');
  assert.equal(sessionState(s, e, e), 'done', 'over at its very end');
  assert.equal(sessionMark('onair', 'en'), 'On air');
  assert.equal(sessionMark('onair', 'fr'), 'En ondes');
  assert.equal(sessionMark('done', 'fr'), 'Terminée');
  assert.equal(sessionMark('upcoming', 'en'), '', 'what is to come carries no badge');
});

test('the board is marked again only when a session starts or ends', () => {
  const spans = [
    { start: at(9, 0), end: at(10, 0) },
    { start: at(10, 0), end: at(11, 0) },
    { start: at(13, 0), end: at(14, 0) },
  ];
  const m = markSessions(spans, at(10, 20));
  assert.deepEqual(m.states, ['done', 'onair', 'upcoming']);
  assert.equal(m.from, at(10, 0), 'the last start or end passed');
  assert.equal(m.until, at(11, 0), 'the next start or end');
  const lunch = markSessions(spans, at(12, 0));
  assert.deepEqual(lunch.states, ['done', 'done', 'upcoming']);
  assert.deepEqual([lunch.from, lunch.until], [at(11, 0), at(13, 0)]);
  const night = markSessions(spans, at(23, 0));
  assert.equal(night.until, Infinity, 'the day is over: nothing more to mark');
});

test('a moved session says by how much: +N min late, −N min early', () => {
  assert.equal(shiftMinutes(at(9, 0), at(9, 7)), 7);
  assert.equal(shiftMinutes(at(9, 0), at(9, 0) - 3 * MIN), -3);
  assert.ok(Object.is(shiftMinutes(at(9, 0), at(9, 0) + 20_000), 0), 'under half a minute is on time');
  assert.equal(shiftMinutes(at(9, 0), at(9, 0) + 40_000), 1, 'rounded to the nearest minute');
  assert.equal(formatShift(7, 'en'), '+7 min');
  assert.equal(formatShift(-3, 'en'), '\u22123 min', 'a real minus sign');
  assert.equal(formatShift(12, 'fr'), `+12${NB}min`);
  assert.equal(formatShift(0, 'en'), '');
  assert.deepEqual(sessionShift(session({ moved: 5 })), { moved: true, minutes: 5, dir: 'late' });
  assert.deepEqual(sessionShift(session({ moved: -4 })), { moved: true, minutes: -4, dir: 'early' });
  assert.deepEqual(sessionShift(session({ moved: 0, endMoved: 10 })), { moved: true, minutes: 10, dir: 'late' }, 'an overrun counts');
  assert.deepEqual(sessionShift(session()), { moved: false, minutes: 0, dir: '' });
});

test('the board shows expected times in the event zone, and the plan only when it moved', () => {
  const ros = {
    stages: [
      {
        stageId: 'a',
        name: 'Main',
        sessions: [
          session({ id: 'x', title: 'Keynote', plan: [9, 0, 10, 0], moved: 10, segments: [
            { segmentId: 'g1', title: 'Welcome', kind: 'talk', presenters: 'Ada, Grace', start: tor(9, 10), end: tor(9, 20) },
            { segmentId: 'g2', title: 'Talk', kind: 'talk', presenters: '', start: tor(9, 20), end: tor(10, 10) },
          ] }),
          session({ id: 'y', title: 'Panel', plan: [13, 0, 14, 30] }),
        ],
      },
      { stageId: 'b', name: 'Room B', sessions: [] },
    ],
  };
  const en = rosBoard(ros, 'America/Toronto', 'en');
  assert.equal(en.count, 2);
  assert.deepEqual(en.stages.map((s) => s.name), ['Main', 'Room B']);
  const [key, panel] = en.stages[0].sessions;
  assert.equal(key.times, `9:10${NB}AM – 10:10${NB}AM`, 'expected times, delays applied');
  assert.equal(key.planned, `9:00${NB}AM – 10:00${NB}AM`);
  assert.equal(key.shift, '+10 min');
  assert.equal(key.shiftDir, 'late');
  assert.deepEqual(key.segments[0], { time: `9:10${NB}AM`, title: 'Welcome', presenters: 'Ada, Grace' });
  assert.equal(key.start, at(9, 10));
  assert.equal(panel.planned, '', 'on time: no plan to strike');
  assert.equal(panel.shift, '');
  const fr = rosBoard(ros, 'America/Toronto', 'fr').stages[0].sessions[1];
  assert.equal(fr.times, `13${NB}h${NB}00 – 14${NB}h${NB}30`);
});

test('the run-of-show view is titled, timed and says when the day is empty', () => {
  const base = { ...timerView({ wall: at(10, 5) }), view: 'run-of-show', timer: null };
  const day = { ...base, runOfShow: { stages: [{ stageId: 'a', name: 'Main', sessions: [session()] }] } };
  const m = viewModel(day, at(10, 5), 'fr');
  assert.equal(m.section, 'run-of-show');
  assert.equal(m.title, 'Déroulement — Summit');
  assert.equal(m.fields.heading, 'Déroulement');
  assert.equal(m.fields.time, `10${NB}h${NB}05`);
  assert.equal(m.fields.notice, '');
  assert.equal(viewModel(day, at(10, 5), 'en').title, 'Run of show — Summit');
  const empty = { ...base, runOfShow: { stages: [{ stageId: 'a', name: 'Main', sessions: [] }] } };
  assert.equal(viewModel(empty, at(10, 5), 'en').fields.notice, 'Nothing scheduled today');
});

test('a board of 40 stages × 50 sessions is built in well under a second', () => {
  const stages = Array.from({ length: 40 }, (_, i) => ({
    stageId: `st${i}`,
    name: `Stage ${i}`,
    sessions: Array.from({ length: 50 }, (_, j) => {
      const s = session({ id: `${i}-${j}`, title: `Session ${j}`, plan: [8, 0, 8, 15], moved: j % 3 });
      const t0 = at(8, 0) + j * 15 * MIN;
      s.plannedStart = iso(t0);
      s.plannedEnd = iso(t0 + 15 * MIN);
      s.start = iso(t0 + (j % 3) * MIN);
      s.end = iso(t0 + 15 * MIN + (j % 3) * MIN);
      s.segments = Array.from({ length: 4 }, (_, k) => ({ segmentId: `${k}`, title: `Seg ${k}`, kind: 'talk', presenters: 'A', start: iso(t0 + k * 3 * MIN), end: iso(t0 + (k + 1) * 3 * MIN) }));
      return s;
    }),
  }));
  const t = performance.now();
  const board = rosBoard({ stages }, 'America/Toronto', 'en');
  const built = performance.now() - t;
  assert.equal(board.count, 2000);
  assert.ok(built < 1000, `built in ${built.toFixed(0)} ms`);
  const spans = board.stages.flatMap((s) => s.sessions);
  const t2 = performance.now();
  const m = markSessions(spans, at(12, 7));
  const marked = performance.now() - t2;
  assert.equal(m.states.filter((s) => s === 'onair').length, 40, 'one session on air per stage');
  assert.ok(marked < 50, `marked in ${marked.toFixed(1)} ms`);
});

// ==== the closer ====

function closing(key, expected, state = 'pending', extra = {}) {
  return { cueKey: key, sessionId: key, session: `Session ${key}`, stage: 'Main', expected: iso(expected), state, nextSession: 'Lunch talk', nextStart: iso(expected + 10 * MIN), ...extra };
}

test('the card goes to the soonest closing still to do', () => {
  const list = [
    closing('a', at(10, 0), 'done'),
    closing('b', at(11, 0), 'skipped'),
    closing('d', at(13, 0), 'pending'),
    closing('c', at(12, 0), 'notified'),
  ];
  assert.equal(pickClosing(list, at(9, 0)).cueKey, 'c', 'done and skipped ones are passed, and the order is by time');
  assert.equal(pickClosing(list, at(12, 4)).cueKey, 'c', 'past due, it stays on the card');
  assert.equal(pickClosing(list, at(12, 6)).cueKey, 'd', 'over 5 min past due with another to do: the next one');
  assert.equal(pickClosing(list.slice(0, 3), at(18, 0)).cueKey, 'd', 'the last one to do stays, however late');
  assert.equal(pickClosing(list.slice(0, 2), at(9, 0)), null);
  assert.equal(pickClosing([], at(9, 0)), null);
});

test('the closer card counts down with the speaker timer’s colours and says what comes next', () => {
  const c = closing('a', at(12, 0));
  const far = closerCard(c, at(11, 50), 'America/Toronto', 'en');
  assert.equal(far.headline, 'End the stream of “Session a” on Main');
  assert.equal(far.digits, '10:00');
  assert.equal(far.phase, 'normal');
  assert.equal(far.next, `Next on this stage: Lunch talk at 12:10${NB}PM`);
  assert.equal(closerCard(c, at(12, 0) - 120_000, 'America/Toronto', 'en').phase, 'amber');
  assert.equal(closerCard(c, at(12, 0) - 30_000, 'America/Toronto', 'en').phase, 'red');
  const late = closerCard(c, at(12, 0) + 75_000, 'America/Toronto', 'fr');
  assert.equal(late.digits, '+01:15');
  assert.equal(late.phase, 'overtime');
  assert.equal(late.word, `⚠ Maintenant${NB}!`);
  assert.equal(late.headline, `Terminez la diffusion de «${NB}Session a${NB}» sur Main`);
  assert.equal(late.next, `Ensuite sur cette scène${NB}: Lunch talk à 12${NB}h${NB}10`);
  assert.equal(closerCard(c, at(12, 0) + 75_000, 'America/Toronto', 'en').word, '⚠ Now!');
  assert.equal(closerCard({ ...c, nextSession: '' }, at(11, 0), 'America/Toronto', 'en').next, '');
});

test('the closer lists every closing with its state, and says when there is nothing to close', () => {
  const list = [closing('a', at(10, 0), 'done'), closing('b', at(11, 0), 'skipped'), closing('c', at(12, 0), 'notified')];
  const rows = closingRows(list, 'c', 'America/Toronto', 'fr');
  assert.deepEqual(rows.map((r) => [r.state, r.stateText, r.current]), [['done', 'Fait', false], ['skipped', 'Sauté', false], ['todo', 'À faire', true]]);
  assert.equal(rows[0].time, `10${NB}h${NB}00`);
  const view = { ...timerView({ wall: at(11, 59) }), view: 'closer', timer: null, closer: { closings: list } };
  const m = viewModel(view, at(11, 59), 'en');
  assert.equal(m.section, 'closer');
  assert.equal(m.title, 'Closing cues — Summit');
  assert.equal(m.fields.card.digits, '01:00');
  assert.equal(m.fields.card.phase, 'amber');
  assert.equal(m.fields.notice, '');
  assert.deepEqual(m.targets, [at(12, 0)]);
  assert.equal(m.list.length, 3);
  const none = viewModel({ ...view, closer: { closings: list.slice(0, 2) } }, at(11, 59), 'fr');
  assert.equal(none.fields.card, null);
  assert.equal(none.fields.notice, 'Aucune séance à fermer par votre équipe');
  assert.equal(none.title, 'Fermetures — Summit');
  assert.equal(flatten(none.fields).card, '', 'no card: its block hides');
  assert.equal(viewModel({ ...view, closer: { closings: [] } }, at(9, 0), 'en').fields.notice, 'No session for your team to close');
});
