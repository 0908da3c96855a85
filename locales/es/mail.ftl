## Mensajes de la parte de correo; las palabras comunes están en main.ftl.

## The admin's outbox.
outbox-title = Bandeja de salida
outbox-not-sending = No hay ningún servidor SMTP configurado (SMTP_URL): el correo se guarda aquí y no se envía.
outbox-filter-state = Estado
outbox-unknown-state = Elija en cola, fallido, enviado, abandonado o cancelado.
outbox-state-all = Todos
outbox-state-queued = En cola
outbox-state-failed = Fallido, se reintentará
outbox-state-sent = Enviado
outbox-state-dead = Abandonado
outbox-state-cancelled = Cancelado
outbox-empty = No hay correo aquí.
outbox-column-created = En cola desde
outbox-column-recipient = Para
outbox-column-subject = Asunto
outbox-column-state = Estado
outbox-column-attempts = Intentos
outbox-column-error = Último error
outbox-column-kind = Tipo
outbox-column-outcome = Desde
outbox-column-next = Próximo intento
outbox-column-message-id = Message-ID
outbox-body = Texto
outbox-attachment = Adjunto { $name }
outbox-retry = Volver a enviar ahora
outbox-cancel = Cancelar este correo
outbox-retry-sent = Este correo ya se envió; no se envía dos veces.
outbox-cancel-done = Solo se puede cancelar el correo que aún no ha salido.

## Reminders.
mail-when = Cuándo:
mail-where = Dónde:
mail-online = En línea:
mail-agenda = Agenda
mail-your-open-items = Sus puntos de acción abiertos
mail-more-open-items = { $count ->
        [one] …y uno más. Todos sus puntos de acción:
        [many] …y { $count } más. Todos sus puntos de acción:
       *[other] …y { $count } más. Todos sus puntos de acción:
    }
mail-overdue-count = { $count ->
        [one] { $count } punto de acción vencido
        [many] { $count } de puntos de acción vencidos
       *[other] { $count } puntos de acción vencidos
    }
mail-update-here = Actualice su estado:
mail-due-on = vence el { $date }
mail-meeting-reminder-subject = Recordatorio: { $group } – { $title }, { $when }
mail-meeting-reminder-intro = Este es un recordatorio de la próxima reunión.
mail-update-request-subject = Su actualización para { $title }, { $when }
mail-update-request-intro = { $group } informa sobre «{ $item }» en la próxima reunión. Publique su actualización antes de la reunión:
mail-due-soon-subject = { $group }: el punto de acción n.º { $number } vence el { $date }
mail-due-soon-intro = Un punto de acción del que usted es responsable vence el { $date }.
mail-due-today-subject = { $group }: el punto de acción n.º { $number } vence hoy
mail-due-today-intro = Un punto de acción del que usted es responsable vence hoy, { $date }.
mail-overdue-subject = { $group }: el punto de acción n.º { $number } está vencido (venció el { $date })
mail-overdue-intro = Un punto de acción del que usted es responsable vencía el { $date } y sigue abierto.
mail-task-ending-subject = { $group }: la tarea del plan de trabajo «{ $title }» termina el { $date }
mail-task-ending-intro = Una tarea del plan de trabajo de la que usted es responsable, «{ $title }», termina el { $date }. Actualice su estado o su fecha de fin:

## The update page of an action point, opened from a mail.
action-link-title = Punto de acción n.º { $number }: { $topic }
action-link-due = Fecha límite
action-link-save = Guardar la actualización
action-link-saved = Gracias: el estado está guardado, con una nota en el historial del punto de que llegó por enlace de correo.
action-link-explain = Esta página viene de un enlace de su correo. Solo actualiza el estado y la nota de este punto de acción; inicie sesión para todo lo demás.
mail-unsubscribe = Para dejar de recibir correos como este, abra:

## Notification preferences and unsubscribing.
notifications-title = Notificaciones
notifications-kinds = Correo que quiero recibir
notifications-delivery = Cuándo
notifications-immediate = Cada correo en cuanto llega
notifications-daily-digest = Un resumen al día, a las 08:00 en mi zona horaria (las invitaciones a reuniones siguen llegando al momento)
notifications-kind-meeting_published = Reuniones publicadas, trasladadas o canceladas
notifications-kind-meeting_reminder = Recordatorios de reuniones
notifications-kind-update_request = Solicitudes de actualización de mi grupo antes de una reunión
notifications-kind-minutes = Actas
notifications-kind-action_point_due = Puntos de acción próximos a vencer y vencidos
notifications-kind-workplan_task_ending = Tareas del plan de trabajo que terminan
notifications-account-mail = El correo sobre su cuenta (invitaciones, restablecimiento de contraseña) siempre le llega.
notifications-save = Guardar
notifications-saved = Guardado.
unsubscribe-title = Cancelar la suscripción
unsubscribe-confirm = ¿Dejar de enviar estos correos a { $email }?
unsubscribe-button = Cancelar la suscripción
unsubscribe-done = { $email } ya no recibe estos correos:
unsubscribe-manage = Inicie sesión para elegir qué correos recibe

## Meeting notices.
mail-minutes = Acta
mail-meeting-published-subject = Reunión: { $group } – { $title }, { $when }
mail-meeting-published-intro = Se ha programado una reunión de su grupo. La invitación adjunta la añade a su calendario.
mail-meeting-rescheduled-subject = Trasladada: { $group } – { $title }, ahora { $when }
mail-meeting-rescheduled-intro = Una reunión de su grupo tiene nueva hora o lugar. La invitación adjunta actualiza su calendario.
mail-meeting-cancelled-subject = Cancelada: { $group } – { $title }, { $when }
mail-meeting-cancelled-intro = Esta reunión de su grupo se ha cancelado. El adjunto la quita de su calendario.
mail-minutes-subject = Acta: { $group } – { $title } del { $when }
mail-minutes-corrected-subject = Acta corregida: { $group } – { $title } del { $when }
mail-minutes-intro = La reunión se ha cerrado. A continuación, su acta.

## The daily digest.
mail-digest-subject = Su resumen de convene del { $date }: { $count ->
        [one] { $count } novedad
        [many] { $count } de novedades
       *[other] { $count } novedades
    }
mail-digest-intro = Esto es lo que ha llegado para usted desde su último resumen.

## Invitaciones de calendario
ics-meeting-description = Reunión de { $group }. Orden del día y documentos: { $link }
ics-meeting-cancelled-description = Esta reunión de { $group } se ha cancelado: { $link }
