// Chaînes françaises du mode responsable client.
import type customerEn from "./customer.en";

const customerFr: Record<keyof typeof customerEn, string> = {
  "customer.choice.title": "Qui utilise Showcall sur cet ordinateur?",
  "customer.choice.body":
    "L’analyste de production dirige le spectacle. La personne responsable de l’événement chez le client remplit l’horaire, les conférenciers, l’image de marque et les exigences du clavardage, puis les envoie à l’analyste. Vous pouvez changer en tout temps avec les boutons du haut.",
  "customer.choice.analyst": "Je suis l’analyste de production",
  "customer.choice.customer": "Je suis responsable de l’événement chez le client",
  "customer.choice.later": "Décider plus tard",
  "tabs.schedule": "Horaire",
  "tabs.speakers": "Conférenciers",

  // ---- choix de la vue (en-tête) ----
  "customer.mode.group": "Vue",
  "customer.mode.analyst": "Analyste",
  "customer.mode.customer": "Responsable client",
  "customer.mode.analystTitle":
    "Vue de l’analyste de production : calendrier, repères, mode en direct et destinations de diffusion",
  "customer.mode.customerTitle":
    "Vue du responsable de l’événement chez le client : formulaires d’horaire, de conférenciers et d’image de marque",
  "customer.mode.marker": "Vue responsable client",
  "customer.mode.markerTitle":
    "Vous remplissez les formulaires du client. Passez à « Analyste » pour les outils de production.",

  // ---- horaire ----
  "customer.schedule.title": "Votre horaire",
  "customer.schedule.intro":
    "Ajoutez chaque séance avec sa scène, ses heures et ses conférenciers. Les heures sont celles du fuseau horaire de l’événement ({zone}).",
  "customer.schedule.add": "Ajouter une séance",
  "customer.schedule.emptyTitle": "Aucune séance pour l’instant",
  "customer.schedule.emptyBody":
    "Ajoutez votre première séance : un titre, une scène, la date, les heures de début et de fin, et les personnes qui prennent la parole.",
  "customer.schedule.speakers": "Conférenciers :",
  "customer.schedule.noSpeakers": "Aucun conférencier pour l’instant",
  "customer.schedule.editTitle": "Modifier « {name} »",
  "customer.schedule.daySessions1": "1 séance",
  "customer.schedule.daySessions": "{n} séances",

  // ---- indications ----
  "customer.hints.title": "Points à vérifier",
  "customer.hints.none":
    "Rien à vérifier : aucun chevauchement, aucun enchaînement serré, et chaque séance a un conférencier.",
  "customer.hints.show": "Afficher",
  "customer.hints.showTitle": "Afficher « {name} » dans l’horaire",

  // ---- formulaire de séance ----
  "customer.form.add": "Nouvelle séance",
  "customer.form.edit": "Modifier la séance",
  "customer.form.title": "Titre de la séance",
  "customer.form.titlePlaceholder": "p. ex. Conférence d’ouverture",
  "customer.form.stage": "Scène",
  "customer.form.newStageOption": "Nouvelle scène…",
  "customer.form.newStageName": "Nom de la nouvelle scène",
  "customer.form.newStagePlaceholder": "p. ex. Scène principale",
  "customer.form.date": "Date",
  "customer.form.datePlaceholder": "2027-04-15",
  "customer.form.start": "Début",
  "customer.form.end": "Fin",
  "customer.form.timePlaceholder12": "9:30 am",
  "customer.form.timePlaceholder24": "09 h 30",
  "customer.form.zoneNote": "Date et heures dans le fuseau horaire de l’événement ({zone}).",
  "customer.form.speakers": "Conférenciers",
  "customer.form.speakersHelp": "Cochez chaque personne qui prend la parole, anime ou accueille dans cette séance.",
  "customer.form.noSpeakers": "Aucun conférencier pour l’instant — ajoutez-les d’abord dans l’onglet Conférenciers.",
  "customer.form.goSpeakers": "Aller aux conférenciers",
  "customer.form.create": "Ajouter la séance",
  "customer.form.save": "Enregistrer la séance",
  "customer.form.saving": "Enregistrement…",
  "customer.form.delete": "Supprimer la séance",
  "customer.form.confirmDelete": "Supprimer la séance « {name} » et son déroulement?",
  "customer.form.serverError": "Non enregistré : {message}",

  // ---- validation ----
  "customer.error.titleRequired": "Donnez un titre à la séance.",
  "customer.error.stageRequired": "Choisissez une scène.",
  "customer.error.stageNameRequired": "Nommez la nouvelle scène.",
  "customer.error.date": "Entrez la date sous la forme année-mois-jour, p. ex. 2027-04-15.",
  "customer.error.time": "Entrez une heure comme 09:30, 9 h 30 ou 14:30.",
  "customer.error.endBeforeStart": "La séance doit se terminer après son début.",
  "customer.error.partTitleRequired": "Donnez un titre à cette partie.",
  "customer.error.minutes": "Entrez la durée en minutes entières (de 1 à 1440).",
  "customer.error.nameRequired": "Entrez le nom de la personne.",
  "customer.error.email": "Entrez une adresse courriel comme nom@exemple.com.",
  "customer.error.role": "Choisissez conférencier, animateur ou hôte.",

  // ---- déroulement (simplifié) ----
  "customer.ros.summary": "Déroulement",
  "customer.ros.parts0": "aucune partie pour l’instant",
  "customer.ros.parts1": "1 partie",
  "customer.ros.parts": "{n} parties",
  "customer.ros.planned": "{planned} min prévues sur {length} min",
  "customer.ros.over": "{over} min de trop",
  "customer.ros.empty":
    "Aucune partie pour l’instant. Ajoutez dans l’ordre les présentations, vidéos ou pauses de cette séance.",
  "customer.ros.minutes": "{n} min",
  "customer.ros.partTitle": "Partie",
  "customer.ros.partTitlePlaceholder": "p. ex. Mot de bienvenue",
  "customer.ros.partMinutes": "Minutes",
  "customer.ros.add": "Ajouter la partie",
  "customer.ros.remove": "Retirer",
  "customer.ros.removeTitle": "Retirer « {name} »",
  "customer.ros.confirmRemove": "Retirer « {name} » du déroulement?",

  // ---- conférenciers ----
  "customer.speakers.title": "Conférenciers",
  "customer.speakers.intro":
    "Vous invitez les conférenciers, animateurs et hôtes, et vous leur envoyez les instructions. Cochez chaque case une fois la tâche faite.",
  "customer.speakers.counter":
    "Invitations envoyées : {invited} sur {total} · instructions envoyées : {instructed} sur {total}",
  "customer.speakers.add": "Ajouter un conférencier",
  "customer.speakers.formAdd": "Nouveau conférencier",
  "customer.speakers.formEdit": "Modifier le conférencier",
  "customer.speakers.name": "Nom",
  "customer.speakers.email": "Courriel",
  "customer.speakers.emailPlaceholder": "nom@exemple.com",
  "customer.speakers.role": "Rôle",
  "customer.speakers.sessions": "Prend la parole dans",
  "customer.speakers.noSession": "Aucune séance pour l’instant",
  "customer.speakers.invited": "Invitation envoyée",
  "customer.speakers.instructed": "Instructions envoyées",
  "customer.speakers.invitedFor": "Invitation envoyée à {name}",
  "customer.speakers.instructedFor": "Instructions envoyées à {name}",
  "customer.speakers.create": "Ajouter le conférencier",
  "customer.speakers.save": "Enregistrer le conférencier",
  "customer.speakers.editTitle": "Modifier {name}",
  "customer.speakers.remove": "Retirer",
  "customer.speakers.removeTitle": "Retirer {name}",
  "customer.speakers.confirmRemove": "Retirer {name} de l’événement?",
  "customer.speakers.emptyTitle": "Aucun conférencier pour l’instant",
  "customer.speakers.emptyBody":
    "Ajoutez chaque conférencier, animateur et hôte avec son courriel, puis choisissez-les dans les séances de l’onglet Horaire.",

  // ---- instructions aux conférenciers ----
  "customer.instructions.title": "Instructions aux conférenciers",
  "customer.instructions.intro":
    "Le texte que vous envoyez aux conférenciers avec leur invitation : comment se joindre, partager l’écran, régler la caméra et le son, et quand être prêts (15 minutes avant leur séance).",
  "customer.instructions.label": "Texte des instructions",
  "customer.instructions.placeholder":
    "p. ex. Joignez-vous 15 minutes avant votre séance avec le lien de votre invitation. Utilisez un casque d’écoute…",
  "customer.instructions.save": "Enregistrer les instructions",
  "customer.instructions.copy": "Copier",
  "customer.instructions.copyTitle": "Copier les instructions pour les coller dans un courriel",
  "customer.instructions.copied": "Copié.",
  "customer.instructions.copyFailed": "Copie impossible : sélectionnez le texte et appuyez sur Ctrl+C.",
  "customer.instructions.saved": "Enregistré.",
  "customer.instructions.unsaved": "Modifications non enregistrées",
};
export default customerFr;
