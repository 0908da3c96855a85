## Messages de la partie plan de travail ; les mots communs restent dans main.ftl.

workplan-action-point-number = PA n° { $number }
workplan-discussed-at = · examinée
workplan-linked-action-points = Points d'action qu'elle sert
workplan-linked-meetings = Réunions qui l'ont examinée
invalid-link-elsewhere = Choisissez parmi les points d'action et réunions proposés pour ce groupe.
invalid-position = Indiquez une place comptée à partir de 0 : 0 est la première.
workplan-delete = Supprimer
workplan-keep = La garder
workplan-delete-task = Supprimer cette tâche
workplan-delete-task-title = Supprimer la tâche « { $title } » ?
workplan-delete-task-question = La tâche, ses responsables et ses liens vers des points d'action et des réunions seront supprimés. Cette action est irréversible.
workplan-delete-area-title = Supprimer le domaine « { $name } » ?
workplan-delete-area-question = { $count ->
    [0] Le domaine n'a aucune tâche. Il sera supprimé.
    [one] La tâche du domaine sera supprimée avec lui. Cette action est irréversible.
    [many] Les { $count } de tâches du domaine seront supprimées avec lui. Cette action est irréversible.
   *[other] Les { $count } tâches du domaine seront supprimées avec lui. Cette action est irréversible.
}
workplan-tasks-served = Tâches du plan de travail
workplan-review-heading = Plan de travail : tâches terminées depuis la dernière réunion ou en retard
workplan-review-empty = Aucune tâche ne s'est terminée depuis la dernière réunion, et aucune n'est en retard.
workplan-review-ended = Terminée
workplan-review-overdue = En retard
workplan-discussed-here = Tâches examinées lors de cette réunion
workplan-open-table = Ouvrir le plan de travail
