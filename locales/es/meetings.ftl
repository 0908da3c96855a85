## Mensajes de la parte de reuniones; las palabras comunes están en main.ftl.

## Agenda editor
agenda-editor-title = Editor de la agenda
agenda-add = Añadir un punto
agenda-edit = Editar
agenda-edit-title = Editar «{ $title }»
agenda-save = Guardar
agenda-back = Volver a la agenda
agenda-delete = Eliminar
agenda-delete-title = ¿Eliminar «{ $title }»?
agenda-delete-question = { $count ->
    [0] Se eliminará el punto, con sus notas y decisiones.
    [one] Se eliminará el punto con su subpunto, y sus notas y decisiones.
    [many] Se eliminará el punto con sus { $count } de subpuntos, y sus notas y decisiones.
   *[other] Se eliminará el punto con sus { $count } subpuntos, y sus notas y decisiones.
}
agenda-top-level = En el nivel superior
agenda-field-title = Título
agenda-field-presenter = Presentador/a
agenda-field-minutes = Minutos asignados
agenda-field-reporting-group = Subgrupo que informa
agenda-field-parent = Bajo
agenda-field-move = Mover
agenda-no-reporting-group = Ninguno
agenda-minutes-value = { $minutes } min
agenda-reported-by = informa { $group }
agenda-move-up = Subir
agenda-move-down = Bajar
agenda-move-indent = Convertirlo en subpunto del punto anterior
agenda-move-outdent = Sacarlo de su punto superior
agenda-cannot-move = El punto no se puede mover así.
agenda-item-missing = Este punto no está en la agenda.
agenda-invalid-minutes = Introduzca minutos enteros de 1 a 600.

## Status steps
meeting-flow-step = Paso
meeting-flow-publish = Publicar
meeting-flow-start = Iniciar la reunión
meeting-flow-close = Cerrar la reunión
meeting-flow-cancel = Cancelar la reunión
meeting-flow-reopen = Reabrir la reunión
meeting-flow-refused = No se ha hecho: la reunión tiene el estado «{ $status }». Una reunión cerrada solo se modifica después de reabrirla.

## Live mode
live-title = En directo
live-previous = ← Punto anterior
live-next = Punto siguiente →
live-normal = Vista normal
live-projector = Modo proyector (letra grande)
live-no-current = Elija «Punto siguiente» para empezar por el primer punto.
live-notes = Notas (Markdown)
live-decisions = Decisiones
live-save-notes = Guardar las notas
live-new-action-point = Nuevo punto de acción
live-add-action-point = Añadir el punto de acción
live-changed-elsewhere = Otra persona ha modificado esta reunión.
live-reload = Mostrar los cambios
live-notes-conflict = No se ha guardado: otra persona guardó las notas de este punto mientras usted las editaba. Su texto aparece abajo y el de usted se conserva en el formulario: combínelos y guarde de nuevo.
live-conflict-title = Notas modificadas mientras tanto
live-conflict-theirs = Guardado por otra persona
live-conflict-mine = Su texto, aún sin guardar

## Attendance
attendance-title = Asistencia
attendance-edit = Editar la asistencia
attendance-members = Miembros
attendance-present = Presente
attendance-apologies = Excusado
attendance-unknown = Sin registrar
attendance-save = Guardar la asistencia
attendance-guests = Invitados
attendance-guest-name = Nombre del invitado
attendance-guest-organization = Organización del invitado
attendance-add-guest = Añadir invitado
attendance-remove-guest = Quitar

## Minutes
minutes-title = Acta
minutes-text = Texto sin formato
## Scheduling meetings
schedule-new-title = Programar una reunión de { $group }
schedule-edit-title = Editar la reunión
schedule-new-link = Programar una reunión
schedule-edit-link = Editar hora, lugar y personas
schedule-field-title = Título
schedule-field-date = Fecha
schedule-field-start = Empieza a las
schedule-field-end = Termina a las
schedule-field-location = Lugar
schedule-field-online = Enlace de la reunión en línea
schedule-field-chair = Presidencia
schedule-field-note-taker = Relator/a
schedule-field-agenda = Agenda
schedule-agenda-previous = Partir de la agenda de la reunión anterior
schedule-agenda-template = Partir de la plantilla de agenda del grupo
schedule-agenda-empty = Empezar con la agenda vacía
schedule-agenda-note = La agenda siempre empieza con la revisión de los puntos de acción; las notas y las actas nunca se copian.
schedule-review-item = Revisión de los puntos de acción
schedule-nobody = (nadie todavía)
schedule-zone-note = Las horas están en { $zone }, la zona horaria del grupo. Una hora que un cambio de hora se salta se adelanta lo que dura el salto (las 00:30 de una noche que pasa a la 01:00 se convierten en la 01:30); una hora que ocurre dos veces es la primera.
schedule-save = Guardar la reunión
schedule-not-editable = Esta reunión está cerrada o cancelada: solo se puede modificar después de que la coordinación la reabra.
schedule-invalid-time = No es una hora; use horas y minutos como 14:00.
schedule-invalid-end-before-start = El final debe ser posterior al inicio.
schedule-invalid-duration = Una reunión dura de 5 minutos a 24 horas.
schedule-invalid-online-link = Indique una dirección web completa que empiece por https:// (o http://).

## Recurring series
series-new-link = Programar una serie
series-new-title = Programar una serie de reuniones de { $group }
series-field-first-date = Primera reunión el
series-field-repeat = Se repite
series-repeat-weeks = Cada pocas semanas, el mismo día de la semana
series-repeat-monthly = Cada mes, el mismo día de la semana del mes
series-field-every-weeks = Cada cuántas semanas
series-monthly-note = Las reuniones mensuales caen en el lugar que ocupa la primera fecha en su mes: una primera reunión el segundo miércoles se repite cada segundo miércoles; una en la última semana del mes, cada último.
series-field-ends = Termina
series-ends-until = En una fecha
series-ends-count = Tras un número de reuniones
series-field-until = Última fecha
series-field-count = Número de reuniones
series-field-publish = Publicar las reuniones ahora (si no, quedan como borradores)
series-save = Crear las reuniones
series-invalid-interval = Elija entre cada semana y cada 12 semanas.
series-invalid-count = Elija entre 1 y 104 reuniones.
series-invalid-until-before-first = La última fecha no puede ser anterior a la primera.
series-invalid-too-long = Una serie llega como máximo a dos años vista y 104 reuniones.

## Meetings lists
meetings-list-nav = Reuniones
meetings-list-link = Todas las reuniones
meetings-list-group-title = Reuniones de { $group }
meetings-list-mine-title = Reuniones de mis grupos
meetings-list-newer = Más recientes
meetings-list-older = Más antiguas
meetings-list-page = Página { $page } de { $pages }
meetings-list-template = Plantilla de agenda
meetings-list-template-note = Un punto por línea; sangre con dos espacios para crear un subpunto. Las reuniones nuevas pueden partir de ella.
meetings-list-template-save = Guardar la plantilla

## Calendar files and feeds
calendar-ics = .ics
calendar-subscribe-link = Suscribirse en su calendario
calendar-title = Suscripciones de calendario
calendar-intro = Suscríbase a estas direcciones en su aplicación de calendario para ver las reuniones publicadas de sus grupos. Cualquiera que tenga una dirección puede leer el calendario: manténgala en privado y pida una nueva si se filtra (la antigua deja de funcionar).
calendar-feed = Calendario
calendar-address = Dirección
calendar-all-my-groups = Todos mis grupos
calendar-copy-now = Copie esta dirección ahora: solo se muestra una vez.
calendar-active-since = En uso desde el { $date }; pida una dirección nueva para volver a verla.
calendar-none = Todavía no hay dirección.
calendar-get = Obtener una dirección
calendar-reset = Obtener una dirección nueva
calendar-revoke = Desactivar

## A reporting group's update under an agenda item
reporting-update-from = Actualización de { $group }
reporting-update-for = Actualización para «{ $item }»
reporting-update-item = Punto «{ $item }» de la agenda de { $meeting }
reporting-update-posted = Tal como se publicó
reporting-update-label = Actualización (Markdown)
reporting-update-hint = Escríbala antes o durante la reunión: aparece bajo el punto en la página de la reunión y en el acta.
reporting-update-save = Guardar la actualización
reporting-update-write = Escribir la actualización
reporting-conflict = Alguien guardó esta actualización después de que usted la abriera, así que la suya no se ha guardado. Su texto está abajo y el de usted vuelve a estar en el formulario: combine los dos y guarde.
reporting-conflict-theirs = Guardado mientras tanto
reporting-conflict-mine = Su texto
