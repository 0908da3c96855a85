## Messages de la partie réunions ; les mots communs restent dans main.ftl.

## Agenda editor
agenda-editor-title = Éditeur de l'ordre du jour
agenda-add = Ajouter un point
agenda-edit = Modifier
agenda-edit-title = Modifier « { $title } »
agenda-save = Enregistrer
agenda-back = Retour à l'ordre du jour
agenda-delete = Supprimer
agenda-delete-title = Supprimer « { $title } » ?
agenda-delete-question = { $count ->
    [0] Le point sera supprimé, avec ses notes et ses décisions.
    [one] Le point sera supprimé avec son sous-point, et leurs notes et décisions.
    [many] Le point sera supprimé avec ses { $count } de sous-points, et leurs notes et décisions.
   *[other] Le point sera supprimé avec ses { $count } sous-points, et leurs notes et décisions.
}
agenda-top-level = Au premier niveau
agenda-field-title = Titre
agenda-field-presenter = Présentateur·rice
agenda-field-minutes = Minutes prévues
agenda-field-reporting-group = Sous-groupe qui rend compte
agenda-field-parent = Sous
agenda-field-move = Déplacer
agenda-no-reporting-group = Aucun
agenda-minutes-value = { $minutes } min
agenda-reported-by = présenté par { $group }
agenda-move-up = Monter
agenda-move-down = Descendre
agenda-move-indent = En faire un sous-point du point précédent
agenda-move-outdent = Le sortir de son point parent
agenda-cannot-move = Le point ne peut pas être déplacé ainsi.
agenda-item-missing = Ce point ne figure pas à l'ordre du jour.
agenda-invalid-minutes = Saisissez un nombre entier de minutes entre 1 et 600.

## Status steps
meeting-flow-step = Étape
meeting-flow-publish = Publier
meeting-flow-start = Ouvrir la réunion
meeting-flow-close = Clôturer la réunion
meeting-flow-cancel = Annuler la réunion
meeting-flow-reopen = Rouvrir la réunion
meeting-flow-refused = Non effectué : la réunion a le statut « { $status } ». Une réunion clôturée ne peut être modifiée qu'après avoir été rouverte.

## Live mode
live-title = En direct
live-previous = ← Point précédent
live-next = Point suivant →
live-normal = Affichage normal
live-projector = Mode projecteur (grands caractères)
live-no-current = Choisissez « Point suivant » pour commencer par le premier point.
live-notes = Notes (Markdown)
live-decisions = Décisions
live-save-notes = Enregistrer les notes
live-new-action-point = Nouveau point d'action
live-add-action-point = Ajouter le point d'action
live-changed-elsewhere = Quelqu'un d'autre a modifié cette réunion.
live-reload = Afficher les modifications
live-notes-conflict = Non enregistré : quelqu'un d'autre a enregistré les notes de ce point pendant que vous les modifiiez. Son texte est affiché ci-dessous et le vôtre est conservé dans le formulaire : fusionnez-les et enregistrez à nouveau.
live-conflict-title = Notes modifiées entre-temps
live-conflict-theirs = Enregistré par quelqu'un d'autre
live-conflict-mine = Votre texte, pas encore enregistré

## Attendance
attendance-title = Présence
attendance-edit = Modifier la présence
attendance-members = Membres
attendance-present = Présent·e
attendance-apologies = Excusé·e
attendance-unknown = Non renseigné
attendance-save = Enregistrer la présence
attendance-guests = Invité·es
attendance-guest-name = Nom de l'invité·e
attendance-guest-organization = Organisation de l'invité·e
attendance-add-guest = Ajouter un·e invité·e
attendance-remove-guest = Retirer

## Minutes
minutes-title = Compte rendu
minutes-text = Texte brut
## Scheduling meetings
schedule-new-title = Programmer une réunion de { $group }
schedule-edit-title = Modifier la réunion
schedule-new-link = Programmer une réunion
schedule-edit-link = Modifier l'horaire, le lieu et les personnes
schedule-field-title = Titre
schedule-field-date = Date
schedule-field-start = Début
schedule-field-end = Fin
schedule-field-location = Lieu
schedule-field-online = Lien de la réunion en ligne
schedule-field-chair = Présidence
schedule-field-note-taker = Rapporteur·e
schedule-field-agenda = Ordre du jour
schedule-agenda-previous = Partir de l'ordre du jour de la réunion précédente
schedule-agenda-template = Partir du modèle d'ordre du jour du groupe
schedule-agenda-empty = Partir d'un ordre du jour vide
schedule-agenda-note = L'ordre du jour commence toujours par la revue des points d'action ; les notes et les comptes rendus ne sont jamais copiés.
schedule-review-item = Revue des points d'action
schedule-nobody = (personne pour l'instant)
schedule-zone-note = Les heures sont en { $zone }, le fuseau horaire du groupe. Une heure sautée par un changement d'heure est avancée de l'écart (00:30 une nuit où l'on passe à 01:00 devient 01:30) ; une heure qui se produit deux fois est la première.
schedule-save = Enregistrer la réunion
schedule-not-editable = Cette réunion est clôturée ou annulée : elle ne peut être modifiée qu'après sa réouverture par un·e coordinateur·rice.
schedule-invalid-time = Ce n'est pas une heure ; utilisez des heures et des minutes comme 14:00.
schedule-invalid-end-before-start = La fin doit venir après le début.
schedule-invalid-duration = Une réunion dure de 5 minutes à 24 heures.
schedule-invalid-online-link = Indiquez une adresse web complète commençant par https:// (ou http://).

## Recurring series
series-new-link = Programmer une série
series-new-title = Programmer une série de réunions de { $group }
series-field-first-date = Première réunion le
series-field-repeat = Répétition
series-repeat-weeks = Toutes les quelques semaines, le même jour de la semaine
series-repeat-monthly = Tous les mois, le même jour de la semaine du mois
series-field-every-weeks = Toutes les combien de semaines
series-monthly-note = Les réunions mensuelles gardent la place de la première date dans son mois : une première réunion le deuxième mercredi se répète chaque deuxième mercredi ; une réunion dans la dernière semaine du mois, chaque dernier.
series-field-ends = Fin
series-ends-until = À une date
series-ends-count = Après un nombre de réunions
series-field-until = Dernière date
series-field-count = Nombre de réunions
series-field-publish = Publier les réunions maintenant (sinon ce sont des brouillons)
series-save = Créer les réunions
series-invalid-interval = Choisissez entre toutes les semaines et toutes les 12 semaines.
series-invalid-count = Choisissez entre 1 et 104 réunions.
series-invalid-until-before-first = La dernière date ne doit pas précéder la première.
series-invalid-too-long = Une série s'étend au plus sur deux ans et 104 réunions.

## Meetings lists
meetings-list-nav = Réunions
meetings-list-link = Toutes les réunions
meetings-list-group-title = Réunions de { $group }
meetings-list-mine-title = Réunions de mes groupes
meetings-list-newer = Plus récentes
meetings-list-older = Plus anciennes
meetings-list-page = Page { $page } sur { $pages }
meetings-list-template = Modèle d'ordre du jour
meetings-list-template-note = Un point par ligne ; indentez de deux espaces pour en faire un sous-point. Les nouvelles réunions peuvent partir de ce modèle.
meetings-list-template-save = Enregistrer le modèle

## Calendar files and feeds
calendar-ics = .ics
calendar-subscribe-link = S'abonner dans votre agenda
calendar-title = Flux d'agenda
calendar-intro = Abonnez-vous à ces adresses dans votre application d'agenda pour voir les réunions publiées de vos groupes. Toute personne qui a une adresse peut lire le flux : gardez-la confidentielle, et demandez-en une nouvelle si elle fuite (l'ancienne cesse alors de fonctionner).
calendar-feed = Flux
calendar-address = Adresse
calendar-all-my-groups = Tous mes groupes
calendar-copy-now = Copiez cette adresse maintenant : elle n'est affichée qu'une fois.
calendar-active-since = Utilisée depuis le { $date } ; demandez une nouvelle adresse pour la revoir.
calendar-none = Pas encore d'adresse.
calendar-get = Obtenir une adresse
calendar-reset = Obtenir une nouvelle adresse
calendar-revoke = Désactiver

## A reporting group's update under an agenda item
reporting-update-from = Mise à jour de { $group }
reporting-update-for = Mise à jour pour « { $item } »
reporting-update-item = Point « { $item } » de l'ordre du jour de { $meeting }
reporting-update-posted = Telle que publiée
reporting-update-label = Mise à jour (Markdown)
reporting-update-hint = Rédigez-la avant ou pendant la réunion : elle apparaît sous le point sur la page de la réunion et dans le compte rendu.
reporting-update-save = Enregistrer la mise à jour
reporting-update-write = Rédiger la mise à jour
reporting-conflict = Quelqu'un a enregistré cette mise à jour après que vous l'avez ouverte : la vôtre n'a donc pas été enregistrée. Son texte figure ci-dessous et le vôtre est de nouveau dans le formulaire : fusionnez les deux et enregistrez.
reporting-conflict-theirs = Enregistré entre-temps
reporting-conflict-mine = Votre texte
