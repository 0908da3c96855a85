# convene — الرسائل باللغة العربية.

tagline = مجموعات العمل التنسيقية
breadcrumbs = مسار التنقل

## Dates: how a date and a time join (the parts come from CLDR)
date-at-time = { $date }، الساعة { $time }
date-and-hours = { $date }، من { $start } إلى { $end }

## Home
home-title = مجموعات العمل
home-no-groups = لا توجد مجموعات عمل بعد.

## Groups
group-kind-working_group = مجموعة عمل
group-kind-sub_group = مجموعة عمل فرعية
group-kind-task_force = فريق عمل
group-kind-field_group = مجموعة ميدانية
group-action-points-link = نقاط العمل
group-workplan-link = خطة العمل
group-directory-link = الدليل
group-upcoming-meetings = الاجتماعات القادمة
group-past-meetings = الاجتماعات السابقة
group-no-meetings = لا توجد اجتماعات.
group-subgroups = المجموعات الفرعية وأفرقة العمل والمجموعات الميدانية

## Organisations
org-kind-un_agency = وكالة تابعة للأمم المتحدة
org-kind-ingo = منظمة غير حكومية دولية
org-kind-nngo = منظمة غير حكومية وطنية
org-kind-government = جهة حكومية
org-kind-donor = جهة مانحة
org-kind-other = أخرى
org-kind-none = بلا منظمة

## Roles
role-coordinator = المنسق
role-co_chair = الرئيس المشارك
role-im_officer = مسؤول إدارة المعلومات
role-member = عضو
role-observer = مراقب

## Meetings
meeting-status-draft = مسودة
meeting-status-scheduled = مجدول
meeting-status-in_progress = جارٍ
meeting-status-closed = مختتم
meeting-status-cancelled = ملغى
meeting-when = الموعد
meeting-where = المكان
meeting-online = عبر الإنترنت
meeting-status = الحالة
meeting-chair = رئيس الاجتماع
meeting-note-taker = مدوّن المحضر
meeting-agenda = جدول الأعمال
meeting-agenda-empty = جدول الأعمال فارغ.
meeting-review = مراجعة نقاط العمل
meeting-minutes = محضر الاجتماع
meeting-decisions = القرارات
meeting-new-action-points = نقاط العمل الجديدة
meeting-present = الحضور ({ $count })
meeting-apologies = المعتذرون

## Action points
action-status-open = مفتوح
action-status-in_progress = قيد التنفيذ
action-status-done = منجز
action-status-dropped = مُلغى
action-no-due-date = بلا تاريخ استحقاق
action-none = لا توجد نقاط عمل.
action-list-title = نقاط عمل { $group }
review-empty = لا توجد نقاط عمل للمراجعة.
review-more = { $count ->
    [zero] لا تعرض المراجعة أي بند؛ اطّلع على جميع البنود في قائمة نقاط العمل.
    [one] تعرض المراجعة البند الأول فقط؛ اطّلع على جميع البنود في قائمة نقاط العمل.
    [two] تعرض المراجعة البندين الأولين فقط؛ اطّلع على جميع البنود في قائمة نقاط العمل.
    [few] تعرض المراجعة أول { $count } بنود فقط؛ اطّلع على جميع البنود في قائمة نقاط العمل.
    [many] تعرض المراجعة أول { $count } بندًا فقط؛ اطّلع على جميع البنود في قائمة نقاط العمل.
   *[other] تعرض المراجعة أول { $count } بند فقط؛ اطّلع على جميع البنود في قائمة نقاط العمل.
}
owner-role-coordinator = المنسق
owner-role-co_chair = الرئيس المشارك
owner-role-im_officer = إدارة المعلومات
owner-role-member = الأعضاء

column-topic = الموضوع
column-action = الإجراء
column-owners = المسؤول (المسؤولون)
column-due = تاريخ الاستحقاق
column-status = الحالة
column-raised-at = طُرحت في

## Workplan
workplan-title = خطة عمل { $group }
workplan-empty = خطة العمل فارغة.
workplan-area-empty = لا توجد مهام في هذا المجال.
task-status-not_started = لم تبدأ
task-status-on_track = تسير وفق الخطة
task-status-delayed = متأخرة
task-status-completed = مكتملة
task-status-cancelled = ملغاة
column-area = المجال
column-task = المهمة
column-responsible = المسؤول
column-start-date = تاريخ البدء
column-end-date = تاريخ الانتهاء
column-comments = ملاحظات

## Directory
directory-title = الدليل
directory-group-title = دليل { $group }
directory-intro-group = أعضاء { $group } وجميع المجموعات التابعة لها.
directory-intro-all = أعضاء جميع المجموعات التي يمكنك الاطلاع عليها.
directory-people = الأشخاص
directory-filter-organization = المنظمة
directory-filter-kind = نوع المنظمة
directory-filter-location = الموقع
directory-filter-role = الدور
directory-filter-terms = فترات التكليف
directory-filter-any = الكل
directory-terms-current = فترات التكليف الحالية فقط
directory-terms-all = جميع فترات التكليف، السابقة والمقبلة أيضًا
directory-filter-submit = تصفية
directory-filter-clear = مسح عوامل التصفية
directory-empty = لا أحد يطابق عوامل التصفية هذه.
directory-export = تصدير:
directory-export-csv = CSV
directory-export-xlsx = Excel (.xlsx)
directory-export-partial = لا تتضمن ملفات التصدير إلا المجموعات التي تتولى إدارة دليلها.
directory-import-link = استيراد الأعضاء
directory-bad-query = تتعذر قراءة عوامل التصفية الواردة في العنوان.
directory-bad-organization = يجب أن يكون عامل تصفية المنظمة رقم منظمة.
directory-bad-kind = لا يوجد نوع منظمة بهذا الاسم.
directory-bad-role = لا يوجد دور بهذا الاسم.
directory-bad-terms = يجب أن يكون عامل تصفية فترات التكليف "current" أو "all".
column-name = الاسم
column-organization = المنظمة
column-kind = النوع
column-title = المسمى الوظيفي
column-email = البريد الإلكتروني
column-phone = الهاتف
column-group = المجموعة
column-role = الدور
column-term = فترة التكليف
column-row = الصف
column-person = الشخص
column-check = التحقق

## Import
import-title = استيراد الأعضاء إلى { $group }
import-explain = حمّل ملف CSV (بترميز UTF-8) أو مصنف Excel (.xlsx) يسمّي صفه الأول الأعمدة؛ ومن المصنف تُقرأ الورقة الأولى فقط. لا يُحفظ شيء قبل أن تتحقق من الصفوف وتؤكد.
import-columns = الأعمدة
import-column-name = الاسم الكامل للشخص. إلزامي.
import-column-email = عنوان بريده الإلكتروني. إلزامي. يُتعرَّف به على من هو مسجّل في convene من قبل، ويبقى ملفه الشخصي كما هو.
import-column-organisation = الاسم المختصر لمنظمته أو اسمها كما في قائمة المنظمات. وتُضاف المنظمة غير المدرجة في القائمة إذا ذُكر نوعها.
import-column-organisation-kind = للمنظمة غير المدرجة في القائمة بعد فقط: { $choices }.
import-column-role = إلزامي: { $choices }.
import-column-group = الاسم المختصر لـ { $group } أو لمجموعة تابعة لها ({ $choices })؛ والخانة الفارغة تعني { $group }.
import-other-columns = تُترك الأعمدة الأخرى، مثل المسمى الوظيفي والهاتف وتاريخَي البدء والانتهاء في ملف التصدير، دون تغيير.
import-file = الملف
import-check = التحقق من الملف
import-upload-broken = انقطع التحميل أو لم يكن تحميلًا عبر النموذج. حاول مرة أخرى.
import-file-missing = اختر ملفًا لتحميله.
import-file-too-large = يتجاوز حجم الملف { $max } ميغابايت. قسّمه إلى ملفات أصغر.
import-file-too-large-unpacked = يتجاوز هذا المصنف { $max } ميغابايت بعد فك ضغطه، وهو أكثر بكثير مما يحتاجه جدول للأشخاص أو المهام. لم يُستورد شيء؛ احفظ الورقة مجددًا في ملف جديد، أو بصيغة CSV.
import-file-empty = الملف فارغ.
import-file-not-utf8 = الصف { $row } ليس نصًا بترميز UTF-8. احفظ الملف بصيغة "CSV UTF-8" أو كمصنف Excel (.xlsx).
import-file-bad-csv = الصف { $row } يخالف صيغة CSV (ربما توجد علامة اقتباس غير مغلقة).
import-file-bad-xlsx = يتعذر فتح الملف كمصنف Excel (.xlsx).
import-file-unsupported = لا يمكن استيراد إلا ملفات CSV ومصنفات Excel (.xlsx). احفظ ملف .xls القديم بصيغة .xlsx أولًا.
import-file-too-many-rows = يحتوي الملف على أكثر من { $max } صف. قسّمه إلى ملفات أصغر.
import-header-missing = يجب أن يسمّي الصف الأول الأعمدة؛ ينقصه: { $columns }.
import-header-repeated = يتكرر العمود "{ $column }" مرتين في الصف الأول.
import-header-no-rows = في الملف صف عناوين ولكن لا صفوف تحته.
import-preview-title = التحقق من الاستيراد إلى { $group }
import-preview-valid = { $rows ->
    [zero] لا توجد صفوف للاستيراد.
    [one] يمكن استيراد الصف. تحقق مما سيحدث، ثم أكّد.
    [two] يمكن استيراد الصفين كليهما. تحقق مما سيحدث، ثم أكّد.
    [few] يمكن استيراد الصفوف الـ{ $rows } جميعها. تحقق مما سيحدث، ثم أكّد.
    [many] يمكن استيراد الصفوف الـ{ $rows } جميعها. تحقق مما سيحدث، ثم أكّد.
   *[other] يمكن استيراد الصفوف الـ{ $rows } جميعها. تحقق مما سيحدث، ثم أكّد.
}
import-preview-invalid = في { $invalid } من أصل { $rows } من الصفوف مشكلات، لذا لا يمكن استيراد أي شيء. صحّحها في الملف ثم حمّله مرة أخرى.
import-problem = الصف { $row }، { $column }: { $reason }
import-rows = الصفوف
import-upload-again = تحميل ملف مصحَّح
import-confirm = تأكيد الاستيراد
import-person-new = شخص جديد
import-person-existing = موجود: { $name }
import-organization-new = جديدة: { $name } ({ $kind })
import-ok = ستُضاف
import-unchanged = عضو من قبل؛ تُرك كما هو
import-count-people = أشخاص جدد
import-count-organizations = منظمات جديدة
import-count-memberships = عضويات جديدة
import-count-unchanged = عضويات موجودة من قبل
import-error-unknown-kind = "{ $value }" ليس نوع منظمة؛ استخدم أحد الأنواع التالية: { $choices }.
import-error-kind-needed = { $organization } غير مدرجة في قائمة المنظمات؛ اذكر نوعها ({ $choices }) لإضافتها.
import-error-kind-conflict = يعطي الصف { $row } هذه المنظمة نوعًا آخر.
import-error-unknown-role = "{ $value }" ليس دورًا؛ استخدم أحد الأدوار التالية: { $choices }.
import-error-unknown-group = لا توجد هنا مجموعة باسم "{ $value }"؛ استخدم إحدى المجموعات التالية: { $choices }.
import-error-ambiguous-group = توجد هنا عدة مجموعات باسم "{ $value }".
import-error-duplicate = تكرار للصف { $row }: الشخص نفسه والمجموعة نفسها والدور نفسه.
import-error-other-name = يعطي الصف { $row } عنوان البريد الإلكتروني هذا الاسم { $name }.
import-error-other-organization = يعطي الصف { $row } هذا الشخص منظمة أخرى.
import-bad-rows = تلفت الصفوف المراد استيرادها في أثناء النقل. حمّل الملف مرة أخرى.
import-done-title = تم الاستيراد إلى { $group }
import-done = اكتمل الاستيراد.
import-back = العودة إلى الدليل

## Errors
error-not-found = الصفحة غير موجودة
error-not-found-advice = ربما كُتب العنوان خطأً، أو أُزيل العنصر.
error-forbidden = غير مسموح
error-forbidden-advice = لا يحق لحسابك الاطلاع على هذا أو تغييره. اطلب الوصول من منسق المجموعة إن كنت تحتاج إليه.
error-bad-request = تعذّر استخدام ذلك
error-bad-request-advice = تحقق مما أدخلته وحاول مرة أخرى؛ لم يتغير شيء.
error-unavailable = غير متاح مؤقتًا
error-unavailable-advice = قاعدة البيانات لا تستجيب. حاول مرة أخرى بعد دقيقة.
error-internal = حدث خطأ ما
error-internal-advice = سُجّل الخطأ. حاول مرة أخرى؛ وإن تكرر، فأبلغ مسؤول النظام واذكر المرجع أدناه.
error-home-link = الذهاب إلى الصفحة الرئيسية
error-reference = المرجع:

## Accounts
nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
nav-password = كلمة المرور
nav-tokens = رموز الوصول إلى واجهة البرمجة
nav-menu = القائمة
skip-to-content = انتقل إلى المحتوى
field-email = البريد الإلكتروني
field-password = كلمة المرور
field-current-password = كلمة المرور الحالية
field-new-password = كلمة المرور الجديدة
field-confirm-password = كلمة المرور الجديدة مرة أخرى
login-title = تسجيل الدخول
login-submit = دخول
login-forgot = هل نسيت كلمة المرور؟
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
login-throttled = محاولات دخول فاشلة كثيرة لهذا الحساب أو من هذا العنوان. انتظر 15 دقيقة، أو اطلب رابطًا لإعادة تعيين كلمة المرور.
password-change-title = تغيير كلمة المرور
password-change-submit = تغيير كلمة المرور
password-changed = تم تغيير كلمة المرور. وسُجّل الخروج من جميع الجلسات الأخرى لحسابك.
password-current-wrong = كلمة المرور الحالية غير صحيحة؛ لم يتغير شيء.
password-too-short = يجب أن تتكون كلمة المرور الجديدة من 10 أحرف على الأقل.
password-too-long = لا يجوز أن تتجاوز كلمة المرور الجديدة 1024 حرفًا.
password-mismatch = كلمتا المرور الجديدتان مختلفتان.
password-is-email = لا يجوز أن تكون كلمة المرور عنوان بريدك الإلكتروني.
password-reset-title = إعادة تعيين كلمة المرور
password-reset-explain = أدخل عنوان البريد الإلكتروني لحسابك، وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.
password-reset-submit = إرسال الرابط
password-reset-sent = إن كان هناك حساب يستخدم هذا العنوان، فرابط اختيار كلمة مرور جديدة في طريقه إليه. وهو صالح لمدة 3 أيام.
password-set-title = اختيار كلمة المرور
password-set-submit = حفظ كلمة المرور
password-set-done = حُفظت كلمة المرور. سجّل الدخول بها الآن.
tokens-title = رموز الوصول إلى واجهة البرمجة
tokens-explain = يتيح رمز الوصول الشخصي إلى واجهة البرمجة (API) لبرنامج نصي استخدام الواجهة باسمك، بكل ما يحق لحسابك الاطلاع عليه وفعله. أرسله في الترويسة
tokens-docs = ما تتيحه واجهة البرمجة موصوف في مستند OpenAPI الخاص بها.
tokens-new-label = التسمية (الغرض من الرمز)
tokens-create = إنشاء رمز
tokens-created = هذا رمزك الجديد. انسخه الآن: فهو لا يُعرض إلا هذه المرة، وكل من يحوزه يستطيع التصرف باسمك إلى أن تُبطله.
tokens-yours = رموزك
tokens-none = ليست لديك رموز وصول إلى واجهة البرمجة.
tokens-column-label = التسمية
tokens-column-created = تاريخ الإنشاء
tokens-column-last-used = آخر استخدام
tokens-column-status = الحالة
tokens-column-actions = الإجراءات
tokens-never-used = لم يُستخدم قط
tokens-active = نشط
tokens-expired = منتهي الصلاحية
tokens-revoked = أُبطل في { $date }
tokens-revoke = إبطال
error-csrf = انتهت صلاحية النموذج أو ورد من موقع آخر. أعد تحميل الصفحة وحاول مرة أخرى؛ لم يتغير شيء.
error-unauthenticated = سجّل الدخول، أو أرسل رمز وصول شخصيًا ساريًا في الترويسة Authorization: Bearer متبوعة بالرمز.
error-link-expired = انتهت صلاحية هذا الرابط أو سبق استخدامه. اطلب رابطًا جديدًا من صفحة تسجيل الدخول.

## Mail
mail-greeting = مرحبًا { $name }،
mail-invitation-subject = حسابك على convene: اختر كلمة مرور
mail-invitation-intro = أُنشئ لك حساب على convene. اختر كلمة المرور عبر هذا الرابط:
mail-reset-subject = إعادة تعيين كلمة المرور على convene
mail-reset-intro = طلب أحدهم إعادة تعيين كلمة المرور لحسابك على convene. اختر كلمة مرور جديدة عبر هذا الرابط:
mail-link-validity = { $days ->
    [zero] يصلح الرابط لمرة واحدة.
    [one] يصلح الرابط لمرة واحدة، لمدة يوم واحد.
    [two] يصلح الرابط لمرة واحدة، لمدة يومين.
    [few] يصلح الرابط لمرة واحدة، لمدة { $days } أيام.
    [many] يصلح الرابط لمرة واحدة، لمدة { $days } يومًا.
   *[other] يصلح الرابط لمرة واحدة، لمدة { $days } يوم.
}
mail-ignore = إن لم تكن تتوقع هذه الرسالة، فتجاهلها؛ لن يتغير شيء.

## Input problems
invalid-required = هذا الحقل إلزامي.
invalid-control-character = يحتوي هذا الحقل على محرف تحكم (مثل NUL أو محرف هروب)؛ احذفه.
invalid-too-long = هذا طويل جدًا.
invalid-email = هذا ليس عنوان بريد إلكتروني.
invalid-time-zone = هذه ليست منطقة زمنية؛ استخدم اسمًا مثل Asia/Beirut.
invalid-date = هذا ليس تاريخًا.

## Forms
form-not-saved = لم يُحفظ شيء. يرجى تصحيح ما يلي:
invalid-choice = اختر أحد الخيارات.
action-save = حفظ
action-edit = تعديل
action-remove = إزالة
column-actions = الإجراءات

## Organisations
organizations-title = المنظمات
organizations-add = إضافة منظمة
organizations-edit-title = تعديل { $name }
organizations-name-taken = توجد منظمة بهذا الاسم من قبل.
organizations-merge-title = دمج منظمة مكررة
organizations-merge-explain = إن كانت { $name } مكررة، فادمجها في المنظمة الصحيحة: يُنقل إليها أشخاصها وضيوفها والمسؤوليات المسندة إليها، وتُحذف { $name }.
organizations-merge-into = الدمج في
organizations-merge-submit = دمج
field-name = الاسم
field-acronym = الاسم المختصر
field-kind = النوع

## Navigation
nav-organizations = المنظمات
nav-users = المستخدمون

## Group editing
group-new-title = مجموعة عمل جديدة
group-new-subgroup-title = مجموعة جديدة تابعة لـ { $parent }
group-edit-title = تعديل { $group }
group-edit = تعديل المجموعة
group-add-subgroup = إضافة مجموعة فرعية
group-members-manage = الأعضاء
group-archive = أرشفة
group-restore = استعادة
group-archived = هذه المجموعة مؤرشفة: تحتفظ بسجلها لكنها لم تعد تظهر في القوائم.
group-controls = إدارة المجموعة
group-reminders = مُهل التذكير (بالأيام)
group-short-name-taken = توجد مجموعة بهذا الاسم المختصر في هذا المستوى من قبل.
field-short-name = الاسم المختصر
field-location = الموقع
field-time-zone = المنطقة الزمنية
field-description = الوصف
field-meeting-reminder-days = تذكير بالاجتماع، قبل كم يومًا
field-update-request-days = طلب التحديث من المجموعات الفرعية، قبل كم يومًا
field-action-due-days = تذكير باستحقاق نقطة العمل، قبل كم يومًا
field-task-ending-days = تذكير بانتهاء مهمة في خطة العمل، قبل كم يومًا
invalid-days = أدخل عددًا صحيحًا من الأيام ضمن النطاق المسموح به.

## Members
members-title = أعضاء { $group }
members-add = إضافة عضو
members-add-submit = إضافة العضو
members-name-if-new = الاسم (لمن هو جديد على convene)
members-co-chair-term = تنتهي فترة تكليف الرئيس المشارك بعد 4 أشهر ما لم تحدد تاريخ انتهاء آخر.
members-current = الأعضاء
members-terms = الدور وفترة التكليف
members-already = يشغل هذا الشخص هذا الدور في المجموعة من قبل.
members-name-needed = لا أحد يستخدم هذا البريد الإلكتروني بعد: اذكر اسمه لدعوته.
invalid-term-order = لا يمكن أن تنتهي فترة التكليف قبل أن تبدأ.
field-role = الدور
field-since = من
field-until = إلى

## Profile and users
profile-title = ملفك الشخصي
profile-saved = حُفظ ملفك الشخصي.
field-title = المسمى الوظيفي
field-phone = الهاتف
field-language = اللغة
users-title = المستخدمون
users-invite = دعوة شخص
users-invite-submit = إرسال الدعوة
users-invited = دُعي { $email }: رابط اختيار كلمة المرور في طريقه إليه.
users-make-admin = مسؤول الموقع
users-all = جميع الحسابات
users-status = الحالة
users-admin = مسؤول
users-deactivated = معطَّل
users-email-taken = يوجد حساب بهذا البريد الإلكتروني من قبل.

## Action point lists
home-heading = عملك
nav-action-points = نقاط العمل
action-all-title = نقاط عمل مجموعاتك
action-mine-title = نقاط العمل المسندة إليك
action-mine-none = لا شيء بانتظارك.
action-mine-all = جميع نقاط العمل المسندة إليك
action-filter-mine = المسندة إليك (أنت أو منظمتك أو مجموعاتك)
action-filter-not-closed = مفتوحة أو قيد التنفيذ
action-filter-all = أي حالة
action-filter-any = الكل
action-filter-meeting = طُرحت في
action-filter-due-after = الاستحقاق من
action-filter-due-before = الاستحقاق حتى
action-filter-search = كلمات
action-filter-apply = عرض
action-sort = الترتيب
action-sort-due = المتأخرة أولًا، ثم حسب تاريخ الاستحقاق
action-sort-number = الرقم
action-sort-topic = الموضوع
action-sort-status = الحالة
action-count = { $count ->
    [zero] لا توجد نقاط عمل
    [one] نقطة عمل واحدة
    [two] نقطتا عمل
    [few] { $count } نقاط عمل
    [many] { $count } نقطة عمل
   *[other] { $count } نقطة عمل
}
action-overdue = متأخرة
action-select = تحديد نقطة العمل { $number }
action-select-column = التحديد
action-bulk-status = حالة جديدة للنقاط المحددة
action-bulk-owner = مسؤول جديد للنقاط المحددة
action-bulk-apply = تطبيق على النقاط المحددة
action-bulk-none = حدّد نقطة عمل واحدة على الأقل.
action-bulk-nothing = اختر حالة جديدة أو مسؤولًا جديدًا.
action-update = تحديث
action-update-title = تحديث الحالة
action-history = السجل
action-new = نقطة عمل جديدة
action-new-title = نقطة عمل جديدة لـ { $group }
action-no-meeting = لم تُطرح في اجتماع
action-restricted = مقيّدة: لا يراها إلا المنسقون والمسؤولون عنها
field-note = ملاحظة
history-when = متى
history-who = من
history-via = كيف
via-web = عبر الموقع
via-email_link = عبر رابط في البريد الإلكتروني
via-api = عبر واجهة البرمجة
via-import = عبر الاستيراد
via-meeting = في الاجتماع
invalid-owner = هذا ليس مسؤولًا.
invalid-owner-elsewhere = اختر مسؤولين من هذه المجموعة: أعضاءها، أو منظمة، أو إحدى مجموعاتها الفرعية، أو دورًا.
invalid-owner-missing = اختر مسؤولًا واحدًا على الأقل.
pagination = الصفحات
page-previous = السابقة
page-next = التالية
page-of = الصفحة { $page } من { $pages }
invalid-kind-top-level = يجب أن تكون المجموعة في المستوى الأعلى مجموعة عمل.
invalid-kind-below = لا يمكن أن تكون مجموعة عمل إلا المجموعة في المستوى الأعلى.
review-stuck = { $count ->
    [zero] مفتوحة دون اجتماعات
    [one] مفتوحة منذ اجتماع واحد
    [two] مفتوحة منذ اجتماعين
    [few] مفتوحة منذ { $count } اجتماعات
    [many] مفتوحة منذ { $count } اجتماعًا
   *[other] مفتوحة منذ { $count } اجتماع
}
nav-directory = الدليل
action-reached = مستلمو التذكيرات

action-export-csv = تصدير CSV
action-export-xlsx = تصدير XLSX
action-import = استيراد نقاط العمل
ap-import-title = استيراد نقاط العمل إلى { $group }
ap-import-explain = حمّل ملف CSV (بترميز UTF-8) أو مصنف Excel (.xlsx) يسمّي صفه الأول الأعمدة؛ ومن المصنف تُقرأ الورقة الأولى فقط. لا يُحفظ شيء ما لم تكن جميع الصفوف صحيحة وتؤكد أنت.
ap-import-column-topic = الموضوع الذي يندرج تحته البند. إلزامي.
ap-import-column-action = ما يجب فعله. إلزامي.
ap-import-column-owners = إلزامي؛ ويُفصل بين المتعددين بـ ";". كلٌّ منهم عنوان البريد الإلكتروني لعضو، أو الاسم المختصر لمنظمة أو اسمها، أو الاسم المختصر لمجموعة فرعية، أو دور: coordinator أو co-chair أو IM أو members.
ap-import-column-due = تاريخ الاستحقاق بصيغة 2014-06-20 أو 20/6/2014؛ والخانة الفارغة تعني بلا تاريخ استحقاق.
ap-import-column-status = open أو in progress أو done أو dropped؛ والخانة الفارغة تعني مفتوحة.
ap-import-column-status-note = ملاحظة عن الحالة تُحفظ في سجل البند.
ap-import-other-columns = تُترك الأعمدة الأخرى، مثل "#" و"Raised at meeting" في ملف التصدير، دون تغيير.
ap-import-error-unknown-owner = "{ $value }" ليس عنوان بريد إلكتروني لعضو، ولا منظمة، ولا مجموعة فرعية، ولا دورًا.
ap-import-error-owner-elsewhere = "{ $value }" ليس من هذه المجموعة.
ap-import-error-bad-date = "{ $value }" ليس تاريخًا؛ اكتبه بصيغة 2014-06-20 أو 20/6/2014.
ap-import-error-unknown-status = "{ $value }" ليست حالة؛ استخدم open أو in progress أو done أو dropped.
ap-import-preview-title = التحقق من استيراد نقاط العمل إلى { $group }
ap-import-done-title = استُوردت نقاط العمل إلى { $group }
ap-import-done = { $count ->
    [zero] لم تُضف أي نقطة عمل.
    [one] أُضيفت نقطة عمل واحدة.
    [two] أُضيفت نقطتا عمل.
    [few] أُضيفت { $count } نقاط عمل.
    [many] أُضيفت { $count } نقطة عمل.
   *[other] أُضيفت { $count } نقطة عمل.
}
ap-import-back = العودة إلى نقاط العمل

wp-import-link = الاستيراد من جدول بيانات
wp-import-title = استيراد خطة عمل إلى { $group }
wp-import-preview-title = التحقق من استيراد خطة عمل { $group }
wp-import-done-title = استُوردت خطة العمل إلى { $group }
wp-import-done = المهام المضافة: { $added }؛ المحدَّثة: { $updated }؛ دون تغيير: { $unchanged }.
wp-import-back = العودة إلى خطة العمل
wp-import-column-area = المجال الذي تندرج تحته المهمة؛ والخلية الفارغة (أو المدمجة) تعني مجال الصف السابق. وتُضاف المجالات غير الموجودة في خطة العمل بعد.
wp-import-column-task = المهمة. إلزامية. والمهمة الموجودة من قبل في ذلك المجال تُحدَّث بدلًا من إضافتها مرة أخرى.
wp-import-column-responsible = يُفصل بين المتعددين بـ ";". كلٌّ منهم عنوان البريد الإلكتروني لعضو أو اسمه، أو الاسم المختصر لمنظمة أو اسمها، أو الاسم المختصر لمجموعة فرعية، أو دور: coordinator أو co-chair أو IM أو members. ويحلّون محل من كانوا مسؤولين عن المهمة.
wp-import-column-start-date = خلية تاريخ، أو 2014-05-01، أو 1 May 2014، أو 01/05/2014 مقروءًا بترتيب التواريخ المعتمد في المجموعة.
wp-import-column-end-date = مثل تاريخ البدء؛ ولا يسبقه.
wp-import-column-status = Not started أو on track أو delayed أو completed أو cancelled؛ والخانة الفارغة تعني لم تبدأ.
wp-import-column-comments = ملاحظات على المهمة.
wp-import-error-no-area = يحتاج الصف الأول إلى مجال.
wp-import-error-end-before-start = تنتهي المهمة قبل أن تبدأ.
wp-import-error-repeated = المهمة نفسها موجودة من قبل في صف سابق ضمن هذا المجال.
wp-import-error-bad-date = "{ $value }" ليس تاريخًا؛ اكتبه بصيغة 2014-05-01 أو 1 May 2014 أو 01/05/2014.
wp-import-error-unknown-status = "{ $value }" ليست حالة؛ استخدم not started أو on track أو delayed أو completed أو cancelled.
## Workplan editing and timeline
workplan-edit-task = تعديل
workplan-add-area = إضافة مجال
workplan-rename-area = إعادة التسمية
workplan-add-task = إضافة مهمة
workplan-move-up = نقل إلى الأعلى
workplan-move-down = نقل إلى الأسفل
workplan-save = حفظ
workplan-progress-note = ملاحظة عن التقدم
workplan-overdue = متأخرة
workplan-filter-from = من
workplan-filter-to = إلى
workplan-filter-overdue = المتأخرة فقط
workplan-filter-apply = تصفية
workplan-new-task-title = مهمة جديدة لـ { $group }
workplan-timeline-link = الجدول الزمني
workplan-table-link = الجدول
workplan-timeline-svg = صورة SVG
workplan-timeline-heading = الجدول الزمني لخطة عمل { $group }
workplan-timeline-title = الجدول الزمني لخطة العمل
workplan-timeline-empty = لا توجد مهمة ذات تواريخ بعد.
workplan-today = اليوم
invalid-task-order = لا يمكن أن تنتهي المهمة قبل أن تبدأ.
invalid-task-taken = يوجد في هذا المجال مهمة بهذا العنوان من قبل.
invalid-area-taken = يوجد في خطة العمل مجال بهذا الاسم من قبل.

## اللغات
# Each language's own name for itself, as the language menus list it.
language-name = العربية
language-switch-submit = تغيير اللغة
language-automatic = لغة متصفحي
field-default-language = اللغة الافتراضية للأعضاء الجدد
