## Messages de la partie courriels ; les mots communs restent dans main.ftl.

## The admin's outbox.
outbox-title = Boîte d'envoi
outbox-not-sending = Aucun serveur SMTP n'est configuré (SMTP_URL) : les courriels sont conservés ici et ne sont pas envoyés.
outbox-filter-state = État
outbox-unknown-state = Choisissez en attente, échoué, envoyé, abandonné ou annulé.
outbox-state-all = Tous
outbox-state-queued = En attente
outbox-state-failed = Échoué, nouvel essai prévu
outbox-state-sent = Envoyé
outbox-state-dead = Abandonné
outbox-state-cancelled = Annulé
outbox-empty = Aucun courriel ici.
outbox-column-created = Mis en file le
outbox-column-recipient = À
outbox-column-subject = Objet
outbox-column-state = État
outbox-column-attempts = Essais
outbox-column-error = Dernière erreur
outbox-column-kind = Type
outbox-column-outcome = Depuis
outbox-column-next = Prochain essai
outbox-column-message-id = Message-ID
outbox-body = Texte
outbox-attachment = Pièce jointe { $name }
outbox-retry = Renvoyer maintenant
outbox-cancel = Annuler ce courriel
outbox-retry-sent = Ce courriel a déjà été envoyé ; il n'est pas envoyé deux fois.
outbox-cancel-done = Seuls les courriels pas encore partis peuvent être annulés.

## Reminders.
mail-when = Quand :
mail-where = Où :
mail-online = En ligne :
mail-agenda = Ordre du jour
mail-your-open-items = Vos points d'action ouverts
mail-more-open-items = { $count ->
        [one] … et un autre. Tous vos points d'action :
        [many] … et { $count } autres. Tous vos points d'action :
       *[other] … et { $count } autres. Tous vos points d'action :
    }
mail-overdue-count = { $count ->
        [one] { $count } point d'action en retard
        [many] { $count } de points d'action en retard
       *[other] { $count } points d'action en retard
    }
mail-update-here = Mettez à jour son statut :
mail-due-on = échéance le { $date }
mail-meeting-reminder-subject = Rappel : { $group } – { $title }, { $when }
mail-meeting-reminder-intro = Ceci est un rappel de la prochaine réunion.
mail-update-request-subject = Votre mise à jour pour { $title }, { $when }
mail-update-request-intro = { $group } rend compte du point « { $item } » à la prochaine réunion. Merci de publier votre mise à jour avant la réunion :
mail-due-soon-subject = { $group } : le point d'action n° { $number } arrive à échéance le { $date }
mail-due-soon-intro = Un point d'action dont vous êtes responsable arrive à échéance le { $date }.
mail-due-today-subject = { $group } : le point d'action n° { $number } arrive à échéance aujourd'hui
mail-due-today-intro = Un point d'action dont vous êtes responsable arrive à échéance aujourd'hui, le { $date }.
mail-overdue-subject = { $group } : le point d'action n° { $number } est en retard (échéance le { $date })
mail-overdue-intro = Un point d'action dont vous êtes responsable arrivait à échéance le { $date } et est toujours ouvert.
mail-task-ending-subject = { $group } : la tâche du plan de travail « { $title } » se termine le { $date }
mail-task-ending-intro = Une tâche du plan de travail dont vous êtes responsable, « { $title } », se termine le { $date }. Mettez à jour son statut ou sa date de fin :

## The update page of an action point, opened from a mail.
action-link-title = Point d'action n° { $number } : { $topic }
action-link-due = Échéance
action-link-save = Enregistrer la mise à jour
action-link-saved = Merci : le statut est enregistré, avec une note dans l'historique du point indiquant qu'il vient d'un lien reçu par courriel.
action-link-explain = Cette page vient d'un lien de votre courriel. Elle ne met à jour que le statut et la note de ce point d'action ; connectez-vous pour tout le reste.
mail-unsubscribe = Pour ne plus recevoir de courriels comme celui-ci, ouvrez :

## Notification preferences and unsubscribing.
notifications-title = Notifications
notifications-kinds = Courriels souhaités
notifications-delivery = Quand
notifications-immediate = Chaque courriel dès qu'il arrive
notifications-daily-digest = Un récapitulatif par jour, à 08:00 dans mon fuseau horaire (les invitations aux réunions arrivent toujours immédiatement)
notifications-kind-meeting_published = Réunions publiées, déplacées ou annulées
notifications-kind-meeting_reminder = Rappels de réunion
notifications-kind-update_request = Demandes de mise à jour de mon groupe avant une réunion
notifications-kind-minutes = Comptes rendus
notifications-kind-action_point_due = Points d'action arrivant à échéance ou en retard
notifications-kind-workplan_task_ending = Tâches du plan de travail qui se terminent
notifications-account-mail = Les courriels concernant votre compte (invitations, réinitialisations de mot de passe) vous parviennent toujours.
notifications-save = Enregistrer
notifications-saved = Enregistré.
unsubscribe-title = Se désabonner
unsubscribe-confirm = Ne plus envoyer ces courriels à { $email } ?
unsubscribe-button = Se désabonner
unsubscribe-done = { $email } ne reçoit plus ces courriels :
unsubscribe-manage = Connectez-vous pour choisir les courriels que vous recevez

## Meeting notices.
mail-minutes = Compte rendu
mail-meeting-published-subject = Réunion : { $group } – { $title }, { $when }
mail-meeting-published-intro = Une réunion de votre groupe est programmée. L'invitation jointe l'ajoute à votre agenda.
mail-meeting-rescheduled-subject = Déplacée : { $group } – { $title }, désormais { $when }
mail-meeting-rescheduled-intro = Une réunion de votre groupe change d'horaire ou de lieu. L'invitation jointe met à jour votre agenda.
mail-meeting-cancelled-subject = Annulée : { $group } – { $title }, { $when }
mail-meeting-cancelled-intro = Cette réunion de votre groupe est annulée. La pièce jointe la retire de votre agenda.
mail-minutes-subject = Compte rendu : { $group } – { $title } du { $when }
mail-minutes-corrected-subject = Compte rendu corrigé : { $group } – { $title } du { $when }
mail-minutes-intro = La réunion est clôturée. Son compte rendu suit.

## The daily digest.
mail-digest-subject = Votre récapitulatif convene du { $date } : { $count ->
        [one] { $count } mise à jour
        [many] { $count } de mises à jour
       *[other] { $count } mises à jour
    }
mail-digest-intro = Voici ce qui est arrivé pour vous depuis votre dernier récapitulatif.

## Invitations de calendrier
ics-meeting-description = Réunion du groupe { $group }. Ordre du jour et documents : { $link }
ics-meeting-cancelled-description = Cette réunion du groupe { $group } est annulée : { $link }
