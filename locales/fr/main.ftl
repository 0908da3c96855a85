# convene — messages en français.

tagline = groupes de travail de coordination
breadcrumbs = Fil d'Ariane

## Dates: how a date and a time join (the parts come from CLDR)
date-at-time = { $date } à { $time }
date-and-hours = { $date }, de { $start } à { $end }

## Home
home-title = Groupes de travail
home-no-groups = Il n'y a pas encore de groupe de travail.

## Groups
group-kind-working_group = Groupe de travail
group-kind-sub_group = Sous-groupe de travail
group-kind-task_force = Groupe de travail ad hoc (task force)
group-kind-field_group = Groupe de terrain
group-action-points-link = Points d'action
group-workplan-link = Plan de travail
group-directory-link = Annuaire
group-upcoming-meetings = Prochaines réunions
group-past-meetings = Réunions passées
group-no-meetings = Aucune réunion.
group-subgroups = Sous-groupes, groupes ad hoc et groupes de terrain

## Organisations
org-kind-un_agency = Agence des Nations unies
org-kind-ingo = ONG internationale
org-kind-nngo = ONG nationale
org-kind-government = Gouvernement
org-kind-donor = Bailleur de fonds
org-kind-other = Autre
org-kind-none = Sans organisation

## Roles
role-coordinator = Coordinateur·rice
role-co_chair = Coprésident·e
role-im_officer = Chargé·e de la gestion de l'information
role-member = Membre
role-observer = Observateur·rice

## Meetings
meeting-status-draft = Brouillon
meeting-status-scheduled = Programmée
meeting-status-in_progress = En cours
meeting-status-closed = Clôturée
meeting-status-cancelled = Annulée
meeting-when = Quand
meeting-where = Où
meeting-online = En ligne
meeting-status = Statut
meeting-chair = Présidence
meeting-note-taker = Rapporteur·e
meeting-agenda = Ordre du jour
meeting-agenda-empty = L'ordre du jour est vide.
meeting-review = Revue des points d'action
meeting-minutes = Compte rendu
meeting-decisions = Décisions
meeting-new-action-points = Nouveaux points d'action
meeting-present = Présents ({ $count })
meeting-apologies = Excusés

## Action points
action-status-open = Ouvert
action-status-in_progress = En cours
action-status-done = Terminé
action-status-dropped = Abandonné
action-no-due-date = sans échéance
action-none = Aucun point d'action.
action-list-title = Points d'action de { $group }
review-empty = Aucun point d'action à passer en revue.
review-more = { $count ->
    [one] La revue ne présente que le premier point ; voyez-les tous dans la liste des points d'action.
    [many] La revue présente les { $count } de premiers points ; voyez-les tous dans la liste des points d'action.
   *[other] La revue présente les { $count } premiers points ; voyez-les tous dans la liste des points d'action.
}
owner-role-coordinator = Coordination
owner-role-co_chair = Coprésidence
owner-role-im_officer = GI
owner-role-member = Membres

column-topic = Sujet
column-action = Action
column-owners = Responsable(s)
column-due = Échéance
column-status = Statut
column-raised-at = Soulevé en réunion

## Workplan
workplan-title = Plan de travail de { $group }
workplan-empty = Le plan de travail est vide.
workplan-area-empty = Aucune tâche dans ce domaine.
task-status-not_started = Pas commencée
task-status-on_track = En bonne voie
task-status-delayed = En retard
task-status-completed = Achevée
task-status-cancelled = Annulée
column-area = Domaine
column-task = Tâche
column-responsible = Responsable
column-start-date = Date de début
column-end-date = Date de fin
column-comments = Commentaires

## Directory
directory-title = Annuaire
directory-group-title = Annuaire de { $group }
directory-intro-group = Membres de { $group } et de tous les groupes qui en dépendent.
directory-intro-all = Membres de tous les groupes que vous pouvez voir.
directory-people = Personnes
directory-filter-organization = Organisation
directory-filter-kind = Type d'organisation
directory-filter-location = Lieu
directory-filter-role = Rôle
directory-filter-terms = Mandats
directory-filter-any = Tous
directory-terms-current = Mandats en cours seulement
directory-terms-all = Tous les mandats, passés et à venir compris
directory-filter-submit = Filtrer
directory-filter-clear = Effacer les filtres
directory-empty = Personne ne correspond à ces filtres.
directory-export = Exporter :
directory-export-csv = CSV
directory-export-xlsx = Excel (.xlsx)
directory-export-partial = Les exports ne contiennent que les groupes dont vous tenez l'annuaire.
directory-import-link = Importer des membres
directory-bad-query = Les filtres de l'adresse sont illisibles.
directory-bad-organization = Le filtre d'organisation doit être le numéro d'une organisation.
directory-bad-kind = Ce type d'organisation n'existe pas.
directory-bad-role = Ce rôle n'existe pas.
directory-bad-terms = Le filtre des mandats doit être « current » ou « all ».
column-name = Nom
column-organization = Organisation
column-kind = Type
column-title = Fonction
column-email = Courriel
column-phone = Téléphone
column-group = Groupe
column-role = Rôle
column-term = Mandat
column-row = Ligne
column-person = Personne
column-check = Vérification

## Import
import-title = Importer des membres dans { $group }
import-explain = Téléversez un fichier CSV (UTF-8) ou un classeur Excel (.xlsx) dont la première ligne nomme les colonnes ; d'un classeur, seule la première feuille est lue. Rien n'est enregistré avant que vous ayez vérifié les lignes et confirmé.
import-columns = Colonnes
import-column-name = Le nom complet de la personne. Obligatoire.
import-column-email = Son adresse électronique. Obligatoire. Une personne déjà présente sur convene est reconnue par celle-ci, et son profil reste inchangé.
import-column-organisation = Le sigle ou le nom de son organisation, tel qu'il figure dans la liste des organisations. Une organisation absente de la liste est ajoutée si son type est indiqué.
import-column-organisation-kind = Seulement pour une organisation qui n'est pas encore dans la liste : { $choices }.
import-column-role = Obligatoire : { $choices }.
import-column-group = Le nom court de { $group } ou d'un groupe qui en dépend ({ $choices }) ; vide signifie { $group }.
import-other-columns = Les autres colonnes, comme la fonction, le téléphone, le début et la fin d'un export, sont ignorées.
import-file = Fichier
import-check = Vérifier le fichier
import-upload-broken = Le téléversement a été interrompu ou n'est pas un envoi de formulaire. Réessayez.
import-file-missing = Choisissez un fichier à téléverser.
import-file-too-large = Le fichier dépasse { $max } Mo. Divisez-le en fichiers plus petits.
import-file-too-large-unpacked = Ce classeur dépasse { $max } Mo une fois décompressé, bien plus qu'il n'en faut pour un tableau de personnes ou de tâches. Rien n'a été importé ; enregistrez la feuille dans un nouveau fichier, ou au format CSV.
import-file-empty = Le fichier est vide.
import-file-not-utf8 = La ligne { $row } n'est pas du texte UTF-8. Enregistrez le fichier au format « CSV UTF-8 » ou comme classeur Excel (.xlsx).
import-file-bad-csv = La ligne { $row } ne respecte pas le format CSV (un guillemet n'est peut-être pas fermé).
import-file-bad-xlsx = Le fichier ne peut pas être ouvert comme classeur Excel (.xlsx).
import-file-unsupported = Seuls les fichiers CSV et les classeurs Excel (.xlsx) peuvent être importés. Enregistrez d'abord un ancien fichier .xls au format .xlsx.
import-file-too-many-rows = Le fichier compte plus de { $max } lignes. Divisez-le en fichiers plus petits.
import-header-missing = La première ligne doit nommer les colonnes ; il manque : { $columns }.
import-header-repeated = La colonne « { $column } » apparaît deux fois dans la première ligne.
import-header-no-rows = Le fichier a une ligne d'en-tête mais aucune ligne en dessous.
import-preview-title = Vérifier l'import dans { $group }
import-preview-valid = { $rows ->
    [one] La ligne peut être importée. Vérifiez ce qui va se passer, puis confirmez.
    [many] Les { $rows } de lignes peuvent toutes être importées. Vérifiez ce qui va se passer, puis confirmez.
   *[other] Les { $rows } lignes peuvent toutes être importées. Vérifiez ce qui va se passer, puis confirmez.
}
import-preview-invalid = { $invalid ->
    [one] { $invalid } ligne sur { $rows } pose problème, rien ne peut donc être importé. Corrigez-la dans le fichier et téléversez-le à nouveau.
    [many] { $invalid } de lignes sur { $rows } posent problème, rien ne peut donc être importé. Corrigez-les dans le fichier et téléversez-le à nouveau.
   *[other] { $invalid } lignes sur { $rows } posent problème, rien ne peut donc être importé. Corrigez-les dans le fichier et téléversez-le à nouveau.
}
import-problem = Ligne { $row }, { $column } : { $reason }
import-rows = Lignes
import-upload-again = Téléverser un fichier corrigé
import-confirm = Confirmer l'import
import-person-new = Nouvelle personne
import-person-existing = Existante : { $name }
import-organization-new = Nouvelle : { $name } ({ $kind })
import-ok = Sera ajouté
import-unchanged = Déjà membre ; laissé tel quel
import-count-people = Nouvelles personnes
import-count-organizations = Nouvelles organisations
import-count-memberships = Nouvelles adhésions
import-count-unchanged = Adhésions déjà existantes
import-error-unknown-kind = « { $value } » n'est pas un type d'organisation ; utilisez l'un de ceux-ci : { $choices }.
import-error-kind-needed = { $organization } ne figure pas dans la liste des organisations ; indiquez son type ({ $choices }) pour l'ajouter.
import-error-kind-conflict = La ligne { $row } donne un autre type à cette organisation.
import-error-unknown-role = « { $value } » n'est pas un rôle ; utilisez l'un de ceux-ci : { $choices }.
import-error-unknown-group = Il n'y a pas de groupe « { $value } » ici ; utilisez l'un de ceux-ci : { $choices }.
import-error-ambiguous-group = Plusieurs groupes s'appellent « { $value } » ici.
import-error-duplicate = Doublon de la ligne { $row } : même personne, même groupe et même rôle.
import-error-other-name = La ligne { $row } donne à cette adresse électronique le nom { $name }.
import-error-other-organization = La ligne { $row } donne une autre organisation à cette personne.
import-bad-rows = Les lignes à importer ont été altérées en route. Téléversez à nouveau le fichier.
import-done-title = Importé dans { $group }
import-done = L'import est terminé.
import-back = Retour à l'annuaire

## Errors
error-not-found = Page introuvable
error-not-found-advice = L'adresse est peut-être mal saisie, ou l'élément a été supprimé.
error-forbidden = Accès refusé
error-forbidden-advice = Votre compte ne peut pas voir ou modifier ceci. Demandez l'accès à un·e coordinateur·rice du groupe si nécessaire.
error-bad-request = Demande inutilisable
error-bad-request-advice = Vérifiez votre saisie et réessayez ; rien n'a été modifié.
error-unavailable = Temporairement indisponible
error-unavailable-advice = La base de données ne répond pas. Réessayez dans une minute.
error-internal = Une erreur s'est produite
error-internal-advice = L'erreur a été enregistrée. Réessayez ; si elle se reproduit, prévenez votre administrateur en citant la référence ci-dessous.
error-home-link = Aller à la page d'accueil
error-reference = Référence :

## Accounts
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
nav-password = Mot de passe
nav-tokens = Jetons d'API
nav-menu = Menu
skip-to-content = Aller au contenu
field-email = Courriel
field-password = Mot de passe
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-confirm-password = Nouveau mot de passe, à nouveau
login-title = Connexion
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
login-failed = L'adresse électronique ou le mot de passe est incorrect.
login-throttled = Trop de tentatives de connexion échouées pour ce compte ou depuis cette adresse. Attendez 15 minutes ou demandez un lien de réinitialisation du mot de passe.
password-change-title = Changer votre mot de passe
password-change-submit = Changer le mot de passe
password-changed = Votre mot de passe est changé. Toutes les autres sessions de votre compte ont été déconnectées.
password-current-wrong = Le mot de passe actuel est incorrect ; rien n'a été modifié.
password-too-short = Le nouveau mot de passe doit comporter au moins 10 caractères.
password-too-long = Le nouveau mot de passe peut comporter au plus 1024 caractères.
password-mismatch = Les deux nouveaux mots de passe sont différents.
password-is-email = Le mot de passe ne peut pas être votre adresse électronique.
password-reset-title = Réinitialiser votre mot de passe
password-reset-explain = Saisissez l'adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
password-reset-submit = Envoyer le lien
password-reset-sent = Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe est en route. Il est valable 3 jours.
password-set-title = Choisir votre mot de passe
password-set-submit = Enregistrer le mot de passe
password-set-done = Votre mot de passe est enregistré. Connectez-vous avec lui dès maintenant.
tokens-title = Jetons d'API
tokens-explain = Un jeton d'API personnel permet à un script d'utiliser l'API en votre nom, avec tout ce que votre compte peut voir et faire. Envoyez-le dans l'en-tête
tokens-docs = Ce que propose l'API est décrit dans son document OpenAPI.
tokens-new-label = Libellé (à quoi sert le jeton)
tokens-create = Créer un jeton
tokens-created = Voici votre nouveau jeton. Copiez-le maintenant : il n'est affiché que cette fois, et quiconque le détient peut agir en votre nom jusqu'à ce que vous le révoquiez.
tokens-yours = Vos jetons
tokens-none = Vous n'avez aucun jeton d'API.
tokens-column-label = Libellé
tokens-column-created = Créé
tokens-column-last-used = Dernière utilisation
tokens-column-status = Statut
tokens-column-actions = Actions
tokens-never-used = Jamais
tokens-active = Actif
tokens-expired = Expiré
tokens-revoked = Révoqué le { $date }
tokens-revoke = Révoquer
error-csrf = Le formulaire a expiré ou provient d'un autre site. Rechargez la page et réessayez ; rien n'a été modifié.
error-unauthenticated = Connectez-vous, ou envoyez un jeton d'API personnel valide dans l'en-tête Authorization: Bearer suivi du jeton.
error-link-expired = Ce lien a expiré ou a déjà été utilisé. Demandez-en un nouveau depuis la page de connexion.

## Mail
mail-greeting = Bonjour { $name },
mail-invitation-subject = Votre compte convene : choisissez un mot de passe
mail-invitation-intro = Un compte convene a été créé pour vous. Choisissez votre mot de passe avec ce lien :
mail-reset-subject = Réinitialisation de votre mot de passe convene
mail-reset-intro = Quelqu'un a demandé la réinitialisation du mot de passe de votre compte convene. Choisissez-en un nouveau avec ce lien :
mail-link-validity = { $days ->
    [one] Le lien ne sert qu'une fois, pendant { $days } jour.
    [many] Le lien ne sert qu'une fois, pendant { $days } de jours.
   *[other] Le lien ne sert qu'une fois, pendant { $days } jours.
}
mail-ignore = Si vous n'attendiez pas ce message, ignorez-le ; rien ne change.

## Input problems
invalid-required = Ce champ est obligatoire.
invalid-control-character = Ce champ contient un caractère de contrôle (comme un NUL ou un échappement) ; supprimez-le.
invalid-too-long = C'est trop long.
invalid-email = Ce n'est pas une adresse électronique.
invalid-time-zone = Ce n'est pas un fuseau horaire ; utilisez un nom comme Africa/Bamako.
invalid-date = Ce n'est pas une date.

## Forms
form-not-saved = Rien n'a été enregistré. Veuillez corriger :
invalid-choice = Choisissez l'une des options.
action-save = Enregistrer
action-edit = Modifier
action-remove = Retirer
column-actions = Actions

## Organisations
organizations-title = Organisations
organizations-add = Ajouter une organisation
organizations-edit-title = Modifier { $name }
organizations-name-taken = Une organisation de ce nom existe déjà.
organizations-merge-title = Fusionner un doublon
organizations-merge-explain = Si { $name } est un doublon, fusionnez-la avec la bonne organisation : ses personnes, invité·es et responsabilités y sont transférées, et { $name } est supprimée.
organizations-merge-into = Fusionner avec
organizations-merge-submit = Fusionner
field-name = Nom
field-acronym = Sigle
field-kind = Type

## Navigation
nav-organizations = Organisations
nav-users = Utilisateurs

## Group editing
group-new-title = Nouveau groupe de travail
group-new-subgroup-title = Nouveau groupe sous { $parent }
group-edit-title = Modifier { $group }
group-edit = Modifier le groupe
group-add-subgroup = Ajouter un sous-groupe
group-members-manage = Membres
group-archive = Archiver
group-restore = Restaurer
group-archived = Ce groupe est archivé : il garde son historique mais n'apparaît plus dans les listes.
group-controls = Gestion du groupe
group-reminders = Délais des rappels (jours)
group-short-name-taken = Un groupe portant ce nom court existe déjà à ce niveau.
field-short-name = Nom court
field-location = Lieu
field-time-zone = Fuseau horaire
field-description = Description
field-meeting-reminder-days = Rappel de réunion, jours avant
field-update-request-days = Demande de mise à jour aux sous-groupes, jours avant
field-action-due-days = Rappel d'échéance des points d'action, jours avant
field-task-ending-days = Rappel de fin de tâche du plan de travail, jours avant
invalid-days = Saisissez un nombre entier de jours dans la plage autorisée.

## Members
members-title = Membres de { $group }
members-add = Ajouter un membre
members-add-submit = Ajouter le membre
members-name-if-new = Nom (pour une personne nouvelle sur convene)
members-co-chair-term = Le mandat d'un·e coprésident·e prend fin après 4 mois, sauf si vous fixez une autre date de fin.
members-current = Membres
members-terms = Rôle et mandat
members-already = Cette personne occupe déjà ce rôle dans le groupe.
members-name-needed = Personne n'a encore cette adresse : indiquez son nom pour l'inviter.
invalid-term-order = Le mandat ne peut pas finir avant de commencer.
field-role = Rôle
field-since = Du
field-until = Au

## Profile and users
profile-title = Votre profil
profile-saved = Votre profil est enregistré.
field-title = Fonction
field-phone = Téléphone
field-language = Langue
users-title = Utilisateurs
users-invite = Inviter quelqu'un
users-invite-submit = Envoyer l'invitation
users-invited = { $email } est invité·e : un lien pour choisir un mot de passe est en route.
users-make-admin = Administrateur du site
users-all = Tous les comptes
users-status = Statut
users-admin = Administrateur
users-deactivated = Désactivé
users-email-taken = Un compte avec cette adresse existe déjà.

## Action point lists
home-heading = Votre travail
nav-action-points = Points d'action
action-all-title = Points d'action de vos groupes
action-mine-title = Vos points d'action
action-mine-none = Rien ne vous attend.
action-mine-all = Tous vos points d'action
action-filter-mine = Les vôtres (vous, votre organisation, vos groupes)
action-filter-not-closed = Ouverts ou en cours
action-filter-all = Tout statut
action-filter-any = Tous
action-filter-meeting = Soulevé en réunion
action-filter-due-after = Échéance à partir du
action-filter-due-before = Échéance jusqu'au
action-filter-search = Mots
action-filter-apply = Afficher
action-sort = Tri
action-sort-due = En retard d'abord, puis par échéance
action-sort-number = Numéro
action-sort-topic = Sujet
action-sort-status = Statut
action-count = { $count ->
    [one] { $count } point d'action
    [many] { $count } de points d'action
   *[other] { $count } points d'action
}
action-overdue = en retard
action-select = Sélectionner le point d'action { $number }
action-select-column = Sélection
action-bulk-status = Nouveau statut pour la sélection
action-bulk-owner = Nouveau responsable pour la sélection
action-bulk-apply = Appliquer à la sélection
action-bulk-none = Sélectionnez au moins un point d'action.
action-bulk-nothing = Choisissez un nouveau statut ou un nouveau responsable.
action-update = Mettre à jour
action-update-title = Mettre à jour le statut
action-history = Historique
action-new = Nouveau point d'action
action-new-title = Nouveau point d'action pour { $group }
action-no-meeting = Non soulevé en réunion
action-restricted = Restreint : visible uniquement par la coordination et les responsables
field-note = Note
history-when = Quand
history-who = Qui
history-via = Comment
via-web = sur le web
via-email_link = par lien dans un courriel
via-api = par l'API
via-import = par import
via-meeting = en réunion
invalid-owner = Ce n'est pas un responsable.
invalid-owner-elsewhere = Choisissez des responsables de ce groupe : ses membres, une organisation, l'un de ses sous-groupes ou un rôle.
invalid-owner-missing = Choisissez au moins un responsable.
pagination = Pages
page-previous = Précédente
page-next = Suivante
page-of = Page { $page } sur { $pages }
invalid-kind-top-level = Un groupe au sommet doit être un groupe de travail.
invalid-kind-below = Seul un groupe au sommet peut être un groupe de travail.
review-stuck = { $count ->
    [one] ouvert depuis { $count } réunion
    [many] ouvert depuis { $count } de réunions
   *[other] ouvert depuis { $count } réunions
}
nav-directory = Annuaire
action-reached = Destinataires des rappels

action-export-csv = Exporter en CSV
action-export-xlsx = Exporter en XLSX
action-import = Importer des points d'action
ap-import-title = Importer des points d'action dans { $group }
ap-import-explain = Téléversez un fichier CSV (UTF-8) ou un classeur Excel (.xlsx) dont la première ligne nomme les colonnes ; d'un classeur, seule la première feuille est lue. Rien n'est enregistré tant que toutes les lignes ne sont pas valides et que vous n'avez pas confirmé.
ap-import-column-topic = Le sujet dont relève le point. Obligatoire.
ap-import-column-action = Ce qui doit être fait. Obligatoire.
ap-import-column-owners = Obligatoire ; plusieurs, séparés par « ; ». Chacun est l'adresse électronique d'un membre, le sigle ou le nom d'une organisation, le nom court d'un sous-groupe, ou un rôle : coordinator, co-chair, IM, members.
ap-import-column-due = L'échéance, au format 2014-06-20 ou 20/6/2014 ; vide signifie sans échéance.
ap-import-column-status = open, in progress, done ou dropped ; vide signifie ouvert.
ap-import-column-status-note = Une note sur le statut, conservée dans l'historique du point.
ap-import-other-columns = Les autres colonnes, comme « # » et « Raised at meeting » d'un export, sont ignorées.
ap-import-error-unknown-owner = « { $value } » n'est ni l'adresse électronique d'un membre, ni une organisation, ni un sous-groupe, ni un rôle.
ap-import-error-owner-elsewhere = « { $value } » n'appartient pas à ce groupe.
ap-import-error-bad-date = « { $value } » n'est pas une date ; écrivez-la sous la forme 2014-06-20 ou 20/6/2014.
ap-import-error-unknown-status = « { $value } » n'est pas un statut ; utilisez open, in progress, done ou dropped.
ap-import-preview-title = Vérifier l'import des points d'action dans { $group }
ap-import-done-title = Points d'action importés dans { $group }
ap-import-done = { $count ->
    [one] { $count } point d'action a été ajouté.
    [many] { $count } de points d'action ont été ajoutés.
   *[other] { $count } points d'action ont été ajoutés.
}
ap-import-back = Retour aux points d'action

wp-import-link = Importer depuis un tableur
wp-import-title = Importer un plan de travail dans { $group }
wp-import-preview-title = Vérifier l'import du plan de travail de { $group }
wp-import-done-title = Plan de travail importé dans { $group }
wp-import-done = Tâches ajoutées : { $added } ; mises à jour : { $updated } ; inchangées : { $unchanged }.
wp-import-back = Retour au plan de travail
wp-import-column-area = Le domaine dont relève la tâche ; une cellule vide (ou fusionnée) signifie le domaine de la ligne précédente. Les domaines absents du plan de travail sont ajoutés.
wp-import-column-task = La tâche. Obligatoire. Une tâche qui existe déjà dans ce domaine est mise à jour au lieu d'être ajoutée à nouveau.
wp-import-column-responsible = Plusieurs, séparés par « ; ». Chacun est l'adresse électronique ou le nom d'un membre, le sigle ou le nom d'une organisation, le nom court d'un sous-groupe, ou un rôle : coordinator, co-chair, IM, members. Ils remplacent ceux qu'avait la tâche.
wp-import-column-start-date = Une cellule de date, ou 2014-05-01, 1 May 2014, ou 01/05/2014 lu dans l'ordre des dates du groupe.
wp-import-column-end-date = Comme la date de début ; pas avant elle.
wp-import-column-status = Not started, on track, delayed, completed ou cancelled ; vide signifie pas commencée.
wp-import-column-comments = Commentaires sur la tâche.
wp-import-error-no-area = La première ligne doit indiquer un domaine.
wp-import-error-end-before-start = La tâche se termine avant de commencer.
wp-import-error-repeated = La même tâche figure déjà sur une ligne précédente dans ce domaine.
wp-import-error-bad-date = « { $value } » n'est pas une date ; écrivez-la sous la forme 2014-05-01, 1 May 2014 ou 01/05/2014.
wp-import-error-unknown-status = « { $value } » n'est pas un statut ; utilisez not started, on track, delayed, completed ou cancelled.
## Workplan editing and timeline
workplan-edit-task = Modifier
workplan-add-area = Ajouter un domaine
workplan-rename-area = Renommer
workplan-add-task = Ajouter une tâche
workplan-move-up = Monter
workplan-move-down = Descendre
workplan-save = Enregistrer
workplan-progress-note = Note d'avancement
workplan-overdue = En retard
workplan-filter-from = Du
workplan-filter-to = Au
workplan-filter-overdue = En retard seulement
workplan-filter-apply = Filtrer
workplan-new-task-title = Nouvelle tâche pour { $group }
workplan-timeline-link = Chronologie
workplan-table-link = Tableau
workplan-timeline-svg = Image SVG
workplan-timeline-heading = Chronologie du plan de travail de { $group }
workplan-timeline-title = Chronologie du plan de travail
workplan-timeline-empty = Aucune tâche n'a encore de dates.
workplan-today = Aujourd'hui
invalid-task-order = La tâche ne peut pas finir avant de commencer.
invalid-task-taken = Ce domaine a déjà une tâche portant ce titre.
invalid-area-taken = Le plan de travail a déjà un domaine portant ce nom.

## Langues
# Each language's own name for itself, as the language menus list it.
language-name = Français
language-switch-submit = Changer de langue
language-automatic = La langue de mon navigateur
field-default-language = Langue par défaut des nouveaux membres
