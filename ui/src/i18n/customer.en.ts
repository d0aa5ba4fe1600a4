// English strings of customer-lead mode (mode switch, schedule form, speakers).
const customerEn = {
  "customer.choice.title": "Who is using Showcall on this computer?",
  "customer.choice.body":
    "The production analyst runs the show. The customer's event lead fills in the schedule, speakers, branding and chat requirements and sends them to the analyst. You can switch at any time with the buttons at the top.",
  "customer.choice.analyst": "I'm the production analyst",
  "customer.choice.customer": "I'm the customer's event lead",
  "customer.choice.later": "Decide later",
  "tabs.schedule": "Schedule",
  "tabs.speakers": "Speakers",

  // ---- mode switch (header) ----
  "customer.mode.group": "View",
  "customer.mode.analyst": "Analyst",
  "customer.mode.customer": "Customer lead",
  "customer.mode.analystTitle": "Production analyst view: calendar, cues, live mode and stream destinations",
  "customer.mode.customerTitle": "Customer event lead view: schedule, speakers and branding forms",
  "customer.mode.marker": "Customer lead view",
  "customer.mode.markerTitle":
    "You are filling in the customer's forms. Switch to Analyst for the production tools.",

  // ---- schedule ----
  "customer.schedule.title": "Your schedule",
  "customer.schedule.intro":
    "Add each session with its stage, times and speakers. Times are in the event's time zone ({zone}).",
  "customer.schedule.add": "Add a session",
  "customer.schedule.emptyTitle": "No sessions yet",
  "customer.schedule.emptyBody":
    "Add your first session: a title, a stage, the date, the start and end times, and who speaks.",
  "customer.schedule.speakers": "Speakers:",
  "customer.schedule.noSpeakers": "No speaker yet",
  "customer.schedule.editTitle": "Edit “{name}”",
  "customer.schedule.daySessions1": "1 session",
  "customer.schedule.daySessions": "{n} sessions",

  // ---- hints ----
  "customer.hints.title": "Things to check",
  "customer.hints.none": "Nothing to check: no overlaps, no tight changeovers, and every session has a speaker.",
  "customer.hints.show": "Show",
  "customer.hints.showTitle": "Show “{name}” in the schedule",

  // ---- session form ----
  "customer.form.add": "New session",
  "customer.form.edit": "Edit session",
  "customer.form.title": "Session title",
  "customer.form.titlePlaceholder": "e.g. Opening keynote",
  "customer.form.stage": "Stage",
  "customer.form.newStageOption": "New stage…",
  "customer.form.newStageName": "New stage name",
  "customer.form.newStagePlaceholder": "e.g. Main stage",
  "customer.form.date": "Date",
  "customer.form.datePlaceholder": "2027-04-15",
  "customer.form.start": "Starts at",
  "customer.form.end": "Ends at",
  "customer.form.timePlaceholder12": "9:30 am",
  "customer.form.timePlaceholder24": "09:30",
  "customer.form.zoneNote": "Date and times in the event's time zone ({zone}).",
  "customer.form.speakers": "Speakers",
  "customer.form.speakersHelp": "Tick everyone who speaks, moderates or hosts in this session.",
  "customer.form.noSpeakers": "No speakers yet — add them on the Speakers tab first.",
  "customer.form.goSpeakers": "Go to Speakers",
  "customer.form.create": "Add session",
  "customer.form.save": "Save session",
  "customer.form.saving": "Saving…",
  "customer.form.delete": "Delete session",
  "customer.form.confirmDelete": "Delete the session “{name}” and its run of show?",
  "customer.form.serverError": "Not saved: {message}",

  // ---- validation ----
  "customer.error.titleRequired": "Give the session a title.",
  "customer.error.stageRequired": "Choose a stage.",
  "customer.error.stageNameRequired": "Name the new stage.",
  "customer.error.date": "Enter the date as year-month-day, like 2027-04-15.",
  "customer.error.time": "Enter a time like 09:30 or 2:30 pm.",
  "customer.error.endBeforeStart": "The session must end after it starts.",
  "customer.error.partTitleRequired": "Give this part a title.",
  "customer.error.minutes": "Enter the length in whole minutes (1 to 1440).",
  "customer.error.nameRequired": "Enter the speaker's name.",
  "customer.error.email": "Enter an email address like name@example.com.",
  "customer.error.role": "Choose speaker, moderator or host.",

  // ---- run of show (plain) ----
  "customer.ros.summary": "Run of show",
  "customer.ros.parts0": "no parts yet",
  "customer.ros.parts1": "1 part",
  "customer.ros.parts": "{n} parts",
  "customer.ros.planned": "{planned} min planned of {length} min",
  "customer.ros.over": "{over} min too long",
  "customer.ros.empty": "No parts yet. Add the talks, videos or breaks of this session, in order.",
  "customer.ros.minutes": "{n} min",
  "customer.ros.partTitle": "Part",
  "customer.ros.partTitlePlaceholder": "e.g. Welcome",
  "customer.ros.partMinutes": "Minutes",
  "customer.ros.add": "Add part",
  "customer.ros.remove": "Remove",
  "customer.ros.removeTitle": "Remove “{name}”",
  "customer.ros.confirmRemove": "Remove “{name}” from the run of show?",

  // ---- speakers ----
  "customer.speakers.title": "Speakers",
  "customer.speakers.intro":
    "You invite the speakers, moderators and hosts and send them the instructions. Tick each box once it's done.",
  "customer.speakers.counter": "{invited} of {total} invited · {instructed} of {total} have the instructions",
  "customer.speakers.add": "Add a speaker",
  "customer.speakers.formAdd": "New speaker",
  "customer.speakers.formEdit": "Edit speaker",
  "customer.speakers.name": "Name",
  "customer.speakers.email": "Email",
  "customer.speakers.emailPlaceholder": "name@example.com",
  "customer.speakers.role": "Role",
  "customer.speakers.sessions": "Speaks in",
  "customer.speakers.noSession": "No session yet",
  "customer.speakers.invited": "Invitation sent",
  "customer.speakers.instructed": "Instructions sent",
  "customer.speakers.invitedFor": "Invitation sent to {name}",
  "customer.speakers.instructedFor": "Instructions sent to {name}",
  "customer.speakers.create": "Add speaker",
  "customer.speakers.save": "Save speaker",
  "customer.speakers.editTitle": "Edit {name}",
  "customer.speakers.remove": "Remove",
  "customer.speakers.removeTitle": "Remove {name}",
  "customer.speakers.confirmRemove": "Remove {name} from the event?",
  "customer.speakers.emptyTitle": "No speakers yet",
  "customer.speakers.emptyBody":
    "Add each speaker, moderator and host with their email, then pick them in the sessions of the Schedule tab.",

  // ---- speaker instructions ----
  "customer.instructions.title": "Speaker instructions",
  "customer.instructions.intro":
    "The text you send the speakers with their invitation: how to join, share a screen, set up camera and sound, and when to be ready (15 minutes before their session).",
  "customer.instructions.label": "Instructions text",
  "customer.instructions.placeholder":
    "e.g. Join 15 minutes before your session with the link in your invitation. Use a headset…",
  "customer.instructions.save": "Save instructions",
  "customer.instructions.copy": "Copy",
  "customer.instructions.copyTitle": "Copy the instructions to paste them into an email",
  "customer.instructions.copied": "Copied.",
  "customer.instructions.copyFailed": "Could not copy: select the text and press Ctrl+C.",
  "customer.instructions.saved": "Saved.",
  "customer.instructions.unsaved": "Unsaved changes",
};
export default customerEn;
