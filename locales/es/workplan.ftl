## Mensajes de la parte del plan de trabajo; las palabras comunes están en main.ftl.

workplan-action-point-number = PA n.º { $number }
workplan-discussed-at = · tratada
workplan-linked-action-points = Puntos de acción a los que sirve
workplan-linked-meetings = Reuniones que la trataron
invalid-link-elsewhere = Elija entre los puntos de acción y las reuniones que se ofrecen para este grupo.
invalid-position = Indique una posición contada desde 0: 0 es la primera.
workplan-delete = Eliminar
workplan-keep = Conservarla
workplan-delete-task = Eliminar esta tarea
workplan-delete-task-title = ¿Eliminar la tarea «{ $title }»?
workplan-delete-task-question = Se eliminarán la tarea, sus responsables y sus vínculos con puntos de acción y reuniones. No se puede deshacer.
workplan-delete-area-title = ¿Eliminar el área «{ $name }»?
workplan-delete-area-question = { $count ->
    [0] El área no tiene tareas. Se eliminará.
    [one] La única tarea del área se eliminará con ella. No se puede deshacer.
    [many] Las { $count } de tareas del área se eliminarán con ella. No se puede deshacer.
   *[other] Las { $count } tareas del área se eliminarán con ella. No se puede deshacer.
}
workplan-tasks-served = Tareas del plan de trabajo
workplan-review-heading = Plan de trabajo: tareas terminadas desde la última reunión o atrasadas
workplan-review-empty = Ninguna tarea ha terminado desde la última reunión y ninguna está atrasada.
workplan-review-ended = Terminada
workplan-review-overdue = Atrasada
workplan-discussed-here = Tareas tratadas en esta reunión
workplan-open-table = Abrir el plan de trabajo
