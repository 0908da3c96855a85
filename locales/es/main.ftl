# convene — mensajes en español.

tagline = grupos de trabajo de coordinación
breadcrumbs = Ruta de navegación

## Dates: how a date and a time join (the parts come from CLDR)
date-at-time = { $date }, { $time }
date-and-hours = { $date }, de { $start } a { $end }

## Home
home-title = Grupos de trabajo
home-no-groups = Todavía no hay grupos de trabajo.

## Groups
group-kind-working_group = Grupo de trabajo
group-kind-sub_group = Subgrupo de trabajo
group-kind-task_force = Grupo operativo (task force)
group-kind-field_group = Grupo de terreno
group-action-points-link = Puntos de acción
group-workplan-link = Plan de trabajo
group-directory-link = Directorio
group-upcoming-meetings = Próximas reuniones
group-past-meetings = Reuniones anteriores
group-no-meetings = No hay reuniones.
group-subgroups = Subgrupos, grupos operativos y grupos de terreno

## Organisations
org-kind-un_agency = Agencia de la ONU
org-kind-ingo = ONG internacional
org-kind-nngo = ONG nacional
org-kind-government = Gobierno
org-kind-donor = Donante
org-kind-other = Otra
org-kind-none = Sin organización

## Roles
role-coordinator = Coordinador/a
role-co_chair = Copresidente/a
role-im_officer = Oficial de gestión de la información
role-member = Miembro
role-observer = Observador/a

## Meetings
meeting-status-draft = Borrador
meeting-status-scheduled = Programada
meeting-status-in_progress = En curso
meeting-status-closed = Cerrada
meeting-status-cancelled = Cancelada
meeting-when = Cuándo
meeting-where = Dónde
meeting-online = En línea
meeting-status = Estado
meeting-chair = Presidencia
meeting-note-taker = Relator/a
meeting-agenda = Agenda
meeting-agenda-empty = La agenda está vacía.
meeting-review = Revisión de los puntos de acción
meeting-minutes = Acta
meeting-decisions = Decisiones
meeting-new-action-points = Nuevos puntos de acción
meeting-present = Presentes ({ $count })
meeting-apologies = Excusados

## Action points
action-status-open = Abierto
action-status-in_progress = En curso
action-status-done = Terminado
action-status-dropped = Descartado
action-no-due-date = sin fecha límite
action-none = No hay puntos de acción.
action-list-title = Puntos de acción de { $group }
review-empty = No hay puntos de acción que revisar.
review-more = { $count ->
    [one] La revisión solo muestra el primer punto; véalos todos en la lista de puntos de acción.
    [many] La revisión muestra los primeros { $count } de puntos; véalos todos en la lista de puntos de acción.
   *[other] La revisión muestra los primeros { $count } puntos; véalos todos en la lista de puntos de acción.
}
owner-role-coordinator = Coordinación
owner-role-co_chair = Copresidencia
owner-role-im_officer = GI
owner-role-member = Miembros

column-topic = Tema
column-action = Acción
column-owners = Responsable(s)
column-due = Fecha límite
column-status = Estado
column-raised-at = Planteado en

## Workplan
workplan-title = Plan de trabajo de { $group }
workplan-empty = El plan de trabajo está vacío.
workplan-area-empty = No hay tareas en esta área.
task-status-not_started = No iniciada
task-status-on_track = Según lo previsto
task-status-delayed = Atrasada
task-status-completed = Completada
task-status-cancelled = Cancelada
column-area = Área
column-task = Tarea
column-responsible = Responsable
column-start-date = Fecha de inicio
column-end-date = Fecha de fin
column-comments = Comentarios

## Directory
directory-title = Directorio
directory-group-title = Directorio de { $group }
directory-intro-group = Miembros de { $group } y de todos los grupos que dependen de él.
directory-intro-all = Miembros de todos los grupos que puede ver.
directory-people = Personas
directory-filter-organization = Organización
directory-filter-kind = Tipo de organización
directory-filter-location = Ubicación
directory-filter-role = Función
directory-filter-terms = Mandatos
directory-filter-any = Cualquiera
directory-terms-current = Solo mandatos vigentes
directory-terms-all = Todos los mandatos, también pasados y futuros
directory-filter-submit = Filtrar
directory-filter-clear = Quitar los filtros
directory-empty = Nadie coincide con estos filtros.
directory-export = Exportar:
directory-export-csv = CSV
directory-export-xlsx = Excel (.xlsx)
directory-export-partial = Las exportaciones solo incluyen los grupos cuyo directorio usted gestiona.
directory-import-link = Importar miembros
directory-bad-query = No se pueden leer los filtros de la dirección.
directory-bad-organization = El filtro de organización debe ser el número de una organización.
directory-bad-kind = No existe ese tipo de organización.
directory-bad-role = No existe esa función.
directory-bad-terms = El filtro de mandatos debe ser "current" o "all".
column-name = Nombre
column-organization = Organización
column-kind = Tipo
column-title = Cargo
column-email = Correo electrónico
column-phone = Teléfono
column-group = Grupo
column-role = Función
column-term = Mandato
column-row = Fila
column-person = Persona
column-check = Verificación

## Import
import-title = Importar miembros a { $group }
import-explain = Suba un archivo CSV (UTF-8) o un libro de Excel (.xlsx) cuya primera fila nombre las columnas; de un libro se lee la primera hoja. No se guarda nada hasta que haya revisado las filas y confirmado.
import-columns = Columnas
import-column-name = El nombre completo de la persona. Obligatorio.
import-column-email = Su dirección de correo electrónico. Obligatoria. Quien ya esté en convene se reconoce por ella, y su perfil se mantiene tal cual.
import-column-organisation = La sigla o el nombre de su organización, como en la lista de organizaciones. Una organización que no está en la lista se añade si se indica su tipo.
import-column-organisation-kind = Solo para una organización que aún no está en la lista: { $choices }.
import-column-role = Obligatorio: { $choices }.
import-column-group = El nombre corto de { $group } o de un grupo que depende de él ({ $choices }); vacío significa { $group }.
import-other-columns = Las demás columnas, como el cargo, el teléfono, el inicio y el fin de una exportación, se ignoran.
import-file = Archivo
import-check = Revisar el archivo
import-upload-broken = La subida se interrumpió o no es una subida de formulario. Inténtelo de nuevo.
import-file-missing = Elija un archivo para subir.
import-file-too-large = El archivo supera los { $max } MB. Divídalo en archivos más pequeños.
import-file-too-large-unpacked = Este libro ocupa más de { $max } MB al descomprimirse, mucho más de lo que necesita una tabla de personas o tareas. No se importó nada; guarde la hoja de nuevo como un archivo nuevo, o como CSV.
import-file-empty = El archivo está vacío.
import-file-not-utf8 = La fila { $row } no es texto UTF-8. Guarde el archivo como "CSV UTF-8" o como libro de Excel (.xlsx).
import-file-bad-csv = La fila { $row } no respeta el formato CSV (quizá una comilla no está cerrada).
import-file-bad-xlsx = El archivo no se puede abrir como libro de Excel (.xlsx).
import-file-unsupported = Solo se pueden importar archivos CSV y libros de Excel (.xlsx). Guarde primero un archivo .xls antiguo como .xlsx.
import-file-too-many-rows = El archivo tiene más de { $max } filas. Divídalo en archivos más pequeños.
import-header-missing = La primera fila debe nombrar las columnas; falta: { $columns }.
import-header-repeated = La columna "{ $column }" aparece dos veces en la primera fila.
import-header-no-rows = El archivo tiene una fila de encabezado pero ninguna fila debajo.
import-preview-title = Revisar la importación a { $group }
import-preview-valid = { $rows ->
    [one] La fila se puede importar. Revise lo que va a ocurrir y confirme.
    [many] Las { $rows } de filas se pueden importar. Revise lo que va a ocurrir y confirme.
   *[other] Las { $rows } filas se pueden importar. Revise lo que va a ocurrir y confirme.
}
import-preview-invalid = { $invalid ->
    [one] { $invalid } de { $rows } filas tiene problemas, así que no se puede importar nada. Corríjala en el archivo y súbalo de nuevo.
    [many] { $invalid } de { $rows } filas tienen problemas, así que no se puede importar nada. Corríjalas en el archivo y súbalo de nuevo.
   *[other] { $invalid } de { $rows } filas tienen problemas, así que no se puede importar nada. Corríjalas en el archivo y súbalo de nuevo.
}
import-problem = Fila { $row }, { $column }: { $reason }
import-rows = Filas
import-upload-again = Subir un archivo corregido
import-confirm = Confirmar la importación
import-person-new = Persona nueva
import-person-existing = Existente: { $name }
import-organization-new = Nueva: { $name } ({ $kind })
import-ok = Se añadirá
import-unchanged = Ya es miembro; se deja tal cual
import-count-people = Personas nuevas
import-count-organizations = Organizaciones nuevas
import-count-memberships = Membresías nuevas
import-count-unchanged = Membresías ya existentes
import-error-unknown-kind = "{ $value }" no es un tipo de organización; use uno de estos: { $choices }.
import-error-kind-needed = { $organization } no está en la lista de organizaciones; indique su tipo ({ $choices }) para añadirla.
import-error-kind-conflict = La fila { $row } da otro tipo a esta organización.
import-error-unknown-role = "{ $value }" no es una función; use una de estas: { $choices }.
import-error-unknown-group = Aquí no hay ningún grupo "{ $value }"; use uno de estos: { $choices }.
import-error-ambiguous-group = Aquí hay varios grupos llamados "{ $value }".
import-error-duplicate = Duplicado de la fila { $row }: la misma persona, el mismo grupo y la misma función.
import-error-other-name = La fila { $row } da a esta dirección de correo el nombre { $name }.
import-error-other-organization = La fila { $row } da otra organización a esta persona.
import-bad-rows = Las filas que se iban a importar se dañaron por el camino. Suba el archivo de nuevo.
import-done-title = Importado a { $group }
import-done = La importación ha terminado.
import-back = Volver al directorio

## Errors
error-not-found = Página no encontrada
error-not-found-advice = Puede que la dirección esté mal escrita o que el elemento se haya eliminado.
error-forbidden = No permitido
error-forbidden-advice = Su cuenta no puede ver ni modificar esto. Si necesita acceso, pídalo a la coordinación del grupo.
error-bad-request = No se pudo usar
error-bad-request-advice = Revise lo que ha introducido e inténtelo de nuevo; no se ha cambiado nada.
error-unavailable = No disponible temporalmente
error-unavailable-advice = La base de datos no responde. Inténtelo de nuevo dentro de un minuto.
error-internal = Algo ha fallado
error-internal-advice = El error quedó registrado. Inténtelo de nuevo; si sigue ocurriendo, avise a su administrador e indique la referencia de abajo.
error-home-link = Ir a la página de inicio
error-reference = Referencia:

## Accounts
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión
nav-password = Contraseña
nav-tokens = Tokens de API
nav-menu = Menú
skip-to-content = Ir al contenido
field-email = Correo electrónico
field-password = Contraseña
field-current-password = Contraseña actual
field-new-password = Contraseña nueva
field-confirm-password = Contraseña nueva, otra vez
login-title = Iniciar sesión
login-submit = Iniciar sesión
login-forgot = ¿Olvidó su contraseña?
login-failed = El correo electrónico o la contraseña no son correctos.
login-throttled = Demasiados intentos fallidos de inicio de sesión para esta cuenta o desde esta dirección. Espere 15 minutos o pida un enlace para restablecer la contraseña.
password-change-title = Cambiar su contraseña
password-change-submit = Cambiar la contraseña
password-changed = Su contraseña se ha cambiado. Se han cerrado todas las demás sesiones de su cuenta.
password-current-wrong = La contraseña actual no es correcta; no se ha cambiado nada.
password-too-short = La contraseña nueva debe tener al menos 10 caracteres.
password-too-long = La contraseña nueva puede tener como máximo 1024 caracteres.
password-mismatch = Las dos contraseñas nuevas no coinciden.
password-is-email = La contraseña no puede ser su dirección de correo electrónico.
password-reset-title = Restablecer su contraseña
password-reset-explain = Introduzca la dirección de correo de su cuenta y le enviaremos un enlace para elegir una contraseña nueva.
password-reset-submit = Enviar el enlace
password-reset-sent = Si alguna cuenta usa esa dirección, le llegará un enlace para elegir una contraseña nueva. Es válido durante 3 días.
password-set-title = Elegir su contraseña
password-set-submit = Guardar la contraseña
password-set-done = Su contraseña está guardada. Inicie sesión con ella ahora.
tokens-title = Tokens de API
tokens-explain = Un token personal de API permite que un script use la API en su nombre, con todo lo que su cuenta puede ver y hacer. Envíelo en el encabezado
tokens-docs = Lo que ofrece la API se describe en su documento OpenAPI.
tokens-new-label = Etiqueta (para qué sirve el token)
tokens-create = Crear un token
tokens-created = Este es su nuevo token. Cópielo ahora: solo se muestra esta vez, y cualquiera que lo tenga puede actuar en su nombre hasta que lo revoque.
tokens-yours = Sus tokens
tokens-none = No tiene tokens de API.
tokens-column-label = Etiqueta
tokens-column-created = Creado
tokens-column-last-used = Último uso
tokens-column-status = Estado
tokens-column-actions = Acciones
tokens-never-used = Nunca
tokens-active = Activo
tokens-expired = Caducado
tokens-revoked = Revocado el { $date }
tokens-revoke = Revocar
error-csrf = El formulario ha caducado o procede de otro sitio. Vuelva a cargar la página e inténtelo de nuevo; no se ha cambiado nada.
error-unauthenticated = Inicie sesión, o envíe un token personal de API vigente en el encabezado Authorization: Bearer seguido del token.
error-link-expired = Este enlace ha caducado o ya se ha usado. Pida uno nuevo desde la página de inicio de sesión.

## Mail
mail-greeting = Hola, { $name }:
mail-invitation-subject = Su cuenta de convene: elija una contraseña
mail-invitation-intro = Se ha creado una cuenta de convene para usted. Elija su contraseña con este enlace:
mail-reset-subject = Restablecer su contraseña de convene
mail-reset-intro = Alguien ha pedido restablecer la contraseña de su cuenta de convene. Elija una nueva con este enlace:
mail-link-validity = { $days ->
    [one] El enlace sirve una sola vez, durante { $days } día.
    [many] El enlace sirve una sola vez, durante { $days } de días.
   *[other] El enlace sirve una sola vez, durante { $days } días.
}
mail-ignore = Si no esperaba este mensaje, ignórelo; no cambia nada.

## Input problems
invalid-required = Este dato es obligatorio.
invalid-control-character = Esto contiene un carácter de control (como un NUL o un escape); elimínelo.
invalid-too-long = Es demasiado largo.
invalid-email = No es una dirección de correo electrónico.
invalid-time-zone = No es una zona horaria; use un nombre como America/Bogota.
invalid-date = No es una fecha.

## Forms
form-not-saved = No se ha guardado nada. Corrija lo siguiente:
invalid-choice = Elija una de las opciones.
action-save = Guardar
action-edit = Editar
action-remove = Quitar
column-actions = Acciones

## Organisations
organizations-title = Organizaciones
organizations-add = Añadir una organización
organizations-edit-title = Editar { $name }
organizations-name-taken = Ya existe una organización con ese nombre.
organizations-merge-title = Fusionar un duplicado
organizations-merge-explain = Si { $name } es un duplicado, fusiónela con la organización correcta: sus personas, invitados y responsabilidades pasan a ella, y { $name } se elimina.
organizations-merge-into = Fusionar con
organizations-merge-submit = Fusionar
field-name = Nombre
field-acronym = Sigla
field-kind = Tipo

## Navigation
nav-organizations = Organizaciones
nav-users = Usuarios

## Group editing
group-new-title = Nuevo grupo de trabajo
group-new-subgroup-title = Nuevo grupo bajo { $parent }
group-edit-title = Editar { $group }
group-edit = Editar el grupo
group-add-subgroup = Añadir un subgrupo
group-members-manage = Miembros
group-archive = Archivar
group-restore = Restaurar
group-archived = Este grupo está archivado: conserva su historial pero ya no aparece en las listas.
group-controls = Gestión del grupo
group-reminders = Antelación de los recordatorios (días)
group-short-name-taken = Ya existe un grupo con ese nombre corto en este nivel.
field-short-name = Nombre corto
field-location = Ubicación
field-time-zone = Zona horaria
field-description = Descripción
field-meeting-reminder-days = Recordatorio de reunión, días antes
field-update-request-days = Solicitud de actualización a los subgrupos, días antes
field-action-due-days = Recordatorio de fecha límite de los puntos de acción, días antes
field-task-ending-days = Recordatorio de fin de tarea del plan de trabajo, días antes
invalid-days = Introduzca un número entero de días dentro del rango permitido.

## Members
members-title = Miembros de { $group }
members-add = Añadir un miembro
members-add-submit = Añadir miembro
members-name-if-new = Nombre (para alguien nuevo en convene)
members-co-chair-term = El mandato de un copresidente termina a los 4 meses, salvo que fije otra fecha de fin.
members-current = Miembros
members-terms = Función y mandato
members-already = Esta persona ya ocupa esa función en el grupo.
members-name-needed = Nadie tiene todavía este correo: indique su nombre para invitarle.
invalid-term-order = El mandato no puede terminar antes de empezar.
field-role = Función
field-since = Desde
field-until = Hasta

## Profile and users
profile-title = Su perfil
profile-saved = Su perfil está guardado.
field-title = Cargo
field-phone = Teléfono
field-language = Idioma
users-title = Usuarios
users-invite = Invitar a alguien
users-invite-submit = Enviar la invitación
users-invited = { $email } está invitado/a: le llegará un enlace para elegir una contraseña.
users-make-admin = Administrador/a del sitio
users-all = Todas las cuentas
users-status = Estado
users-admin = Administrador/a
users-deactivated = Desactivada
users-email-taken = Ya existe una cuenta con este correo electrónico.

## Action point lists
home-heading = Su trabajo
nav-action-points = Puntos de acción
action-all-title = Puntos de acción de sus grupos
action-mine-title = Sus puntos de acción
action-mine-none = No tiene nada pendiente.
action-mine-all = Todos sus puntos de acción
action-filter-mine = Suyos (usted, su organización, sus grupos)
action-filter-not-closed = Abiertos o en curso
action-filter-all = Cualquier estado
action-filter-any = Cualquiera
action-filter-meeting = Planteado en
action-filter-due-after = Fecha límite desde
action-filter-due-before = Fecha límite hasta
action-filter-search = Palabras
action-filter-apply = Mostrar
action-sort = Orden
action-sort-due = Vencidos primero, luego por fecha límite
action-sort-number = Número
action-sort-topic = Tema
action-sort-status = Estado
action-count = { $count ->
    [one] { $count } punto de acción
    [many] { $count } de puntos de acción
   *[other] { $count } puntos de acción
}
action-overdue = vencido
action-select = Seleccionar el punto de acción { $number }
action-select-column = Selección
action-bulk-status = Nuevo estado para los seleccionados
action-bulk-owner = Nuevo responsable para los seleccionados
action-bulk-apply = Aplicar a los seleccionados
action-bulk-none = Seleccione al menos un punto de acción.
action-bulk-nothing = Elija un nuevo estado o un nuevo responsable.
action-update = Actualizar
action-update-title = Actualizar el estado
action-history = Historial
action-new = Nuevo punto de acción
action-new-title = Nuevo punto de acción para { $group }
action-no-meeting = No planteado en una reunión
action-restricted = Restringido: visible solo para la coordinación y los responsables
field-note = Nota
history-when = Cuándo
history-who = Quién
history-via = Cómo
via-web = en la web
via-email_link = por enlace de correo
via-api = a través de la API
via-import = por importación
via-meeting = en la reunión
invalid-owner = No es un responsable.
invalid-owner-elsewhere = Elija responsables de este grupo: sus miembros, una organización, uno de sus subgrupos o una función.
invalid-owner-missing = Elija al menos un responsable.
pagination = Páginas
page-previous = Anterior
page-next = Siguiente
page-of = Página { $page } de { $pages }
invalid-kind-top-level = Un grupo del nivel superior debe ser un grupo de trabajo.
invalid-kind-below = Solo un grupo del nivel superior puede ser un grupo de trabajo.
review-stuck = { $count ->
    [one] abierto desde hace { $count } reunión
    [many] abierto desde hace { $count } de reuniones
   *[other] abierto desde hace { $count } reuniones
}
nav-directory = Directorio
action-reached = Destinatarios de los recordatorios

action-export-csv = Exportar CSV
action-export-xlsx = Exportar XLSX
action-import = Importar puntos de acción
ap-import-title = Importar puntos de acción a { $group }
ap-import-explain = Suba un archivo CSV (UTF-8) o un libro de Excel (.xlsx) cuya primera fila nombre las columnas; de un libro se lee la primera hoja. No se guarda nada salvo que todas las filas sean válidas y usted haya confirmado.
ap-import-column-topic = El tema al que pertenece el punto. Obligatorio.
ap-import-column-action = Lo que hay que hacer. Obligatorio.
ap-import-column-owners = Obligatorio; varios separados por ";". Cada uno es el correo de un miembro, la sigla o el nombre de una organización, el nombre corto de un subgrupo o una función: coordinator, co-chair, IM, members.
ap-import-column-due = La fecha límite como 2014-06-20 o 20/6/2014; vacío significa sin fecha límite.
ap-import-column-status = open, in progress, done o dropped; vacío significa abierto.
ap-import-column-status-note = Una nota sobre el estado, que se guarda en el historial del punto.
ap-import-other-columns = Las demás columnas, como "#" y "Raised at meeting" de una exportación, se ignoran.
ap-import-error-unknown-owner = "{ $value }" no es el correo de ningún miembro, ni una organización, ni un subgrupo, ni una función.
ap-import-error-owner-elsewhere = "{ $value }" no pertenece a este grupo.
ap-import-error-bad-date = "{ $value }" no es una fecha; escríbala como 2014-06-20 o 20/6/2014.
ap-import-error-unknown-status = "{ $value }" no es un estado; use open, in progress, done o dropped.
ap-import-preview-title = Revisar la importación de puntos de acción a { $group }
ap-import-done-title = Puntos de acción importados a { $group }
ap-import-done = { $count ->
    [one] Se ha añadido { $count } punto de acción.
    [many] Se han añadido { $count } de puntos de acción.
   *[other] Se han añadido { $count } puntos de acción.
}
ap-import-back = Volver a los puntos de acción

wp-import-link = Importar desde una hoja de cálculo
wp-import-title = Importar un plan de trabajo a { $group }
wp-import-preview-title = Revisar la importación del plan de trabajo de { $group }
wp-import-done-title = Plan de trabajo importado a { $group }
wp-import-done = Tareas añadidas: { $added }; actualizadas: { $updated }; sin cambios: { $unchanged }.
wp-import-back = Volver al plan de trabajo
wp-import-column-area = El área a la que pertenece la tarea; una celda vacía (o combinada) significa el área de la fila anterior. Las áreas que aún no están en el plan de trabajo se añaden.
wp-import-column-task = La tarea. Obligatoria. Una tarea que ya existe en esa área se actualiza en lugar de añadirse otra vez.
wp-import-column-responsible = Varios separados por ";". Cada uno es el correo o el nombre de un miembro, la sigla o el nombre de una organización, el nombre corto de un subgrupo o una función: coordinator, co-chair, IM, members. Sustituyen a los que tenía la tarea.
wp-import-column-start-date = Una celda de fecha, o 2014-05-01, 1 May 2014 o 01/05/2014 leído en el orden de fechas del grupo.
wp-import-column-end-date = Como la fecha de inicio; no anterior a ella.
wp-import-column-status = Not started, on track, delayed, completed o cancelled; vacío significa no iniciada.
wp-import-column-comments = Comentarios sobre la tarea.
wp-import-error-no-area = La primera fila necesita un área.
wp-import-error-end-before-start = La tarea termina antes de empezar.
wp-import-error-repeated = La misma tarea ya figura en una fila anterior de esta área.
wp-import-error-bad-date = "{ $value }" no es una fecha; escríbala como 2014-05-01, 1 May 2014 o 01/05/2014.
wp-import-error-unknown-status = "{ $value }" no es un estado; use not started, on track, delayed, completed o cancelled.
## Workplan editing and timeline
workplan-edit-task = Editar
workplan-add-area = Añadir un área
workplan-rename-area = Cambiar el nombre
workplan-add-task = Añadir una tarea
workplan-move-up = Subir
workplan-move-down = Bajar
workplan-save = Guardar
workplan-progress-note = Nota de avance
workplan-overdue = Atrasada
workplan-filter-from = Desde
workplan-filter-to = Hasta
workplan-filter-overdue = Solo atrasadas
workplan-filter-apply = Filtrar
workplan-new-task-title = Nueva tarea para { $group }
workplan-timeline-link = Cronograma
workplan-table-link = Tabla
workplan-timeline-svg = Imagen SVG
workplan-timeline-heading = Cronograma del plan de trabajo de { $group }
workplan-timeline-title = Cronograma del plan de trabajo
workplan-timeline-empty = Ninguna tarea tiene fechas todavía.
workplan-today = Hoy
invalid-task-order = La tarea no puede terminar antes de empezar.
invalid-task-taken = Esta área ya tiene una tarea con este título.
invalid-area-taken = El plan de trabajo ya tiene un área con este nombre.

## Idiomas
# Each language's own name for itself, as the language menus list it.
language-name = Español
language-switch-submit = Cambiar de idioma
language-automatic = El idioma de mi navegador
field-default-language = Idioma predeterminado de los nuevos miembros
