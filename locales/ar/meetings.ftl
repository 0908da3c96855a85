## رسائل قسم الاجتماعات؛ الكلمات المشتركة في main.ftl.

## Agenda editor
agenda-editor-title = محرر جدول الأعمال
agenda-add = إضافة بند
agenda-edit = تعديل
agenda-edit-title = تعديل «{ $title }»
agenda-save = حفظ
agenda-back = العودة إلى جدول الأعمال
agenda-delete = حذف
agenda-delete-title = حذف «{ $title }»؟
agenda-delete-question = { $count ->
    [0] سيُحذف البند مع ملاحظاته وقراراته.
    [zero] سيُحذف البند مع ملاحظاته وقراراته.
    [one] سيُحذف البند مع بنده الفرعي، وملاحظاتهما وقراراتهما.
    [two] سيُحذف البند مع بنديه الفرعيين، وملاحظاتها وقراراتها.
    [few] سيُحذف البند مع بنوده الفرعية الـ{ $count }، وملاحظاتها وقراراتها.
    [many] سيُحذف البند مع بنوده الفرعية الـ{ $count }، وملاحظاتها وقراراتها.
   *[other] سيُحذف البند مع بنوده الفرعية الـ{ $count }، وملاحظاتها وقراراتها.
}
agenda-top-level = في المستوى الأعلى
agenda-field-title = العنوان
agenda-field-presenter = مقدّم البند
agenda-field-minutes = الدقائق المخصصة
agenda-field-reporting-group = المجموعة الفرعية المقدِّمة للتقرير
agenda-field-parent = تحت
agenda-field-move = نقل
agenda-no-reporting-group = لا شيء
agenda-minutes-value = { $minutes } دقيقة
agenda-reported-by = تقدّمه { $group }
agenda-move-up = نقل إلى الأعلى
agenda-move-down = نقل إلى الأسفل
agenda-move-indent = جعله بندًا فرعيًا للبند الذي فوقه
agenda-move-outdent = إخراجه من البند الأصلي
agenda-cannot-move = لا يمكن نقل البند بهذا الاتجاه.
agenda-item-missing = هذا البند ليس في جدول الأعمال.
agenda-invalid-minutes = أدخل عددًا صحيحًا من الدقائق من 1 إلى 600.

## Status steps
meeting-flow-step = الخطوة
meeting-flow-publish = نشر
meeting-flow-start = بدء الاجتماع
meeting-flow-close = اختتام الاجتماع
meeting-flow-cancel = إلغاء الاجتماع
meeting-flow-reopen = إعادة فتح الاجتماع
meeting-flow-refused = لم يُنفَّذ: حالة الاجتماع «{ $status }». لا يُعدَّل الاجتماع المختتم إلا بعد إعادة فتحه.

## Live mode
live-title = مباشر
live-previous = → البند السابق
live-next = البند التالي ←
live-normal = العرض العادي
live-projector = وضع العرض (خط كبير)
live-no-current = اختر «البند التالي» للبدء بالبند الأول.
live-notes = الملاحظات (Markdown)
live-decisions = القرارات
live-save-notes = حفظ الملاحظات
live-new-action-point = نقطة عمل جديدة
live-add-action-point = إضافة نقطة العمل
live-changed-elsewhere = غيّر شخص آخر هذا الاجتماع.
live-reload = عرض التغييرات
live-notes-conflict = لم يُحفظ: حفظ شخص آخر ملاحظات هذا البند في أثناء تحريرك لها. نصه معروض أدناه، ونصك محفوظ في النموذج: ادمجهما واحفظ مرة أخرى.
live-conflict-title = تغيّرت الملاحظات في الأثناء
live-conflict-theirs = ما حفظه شخص آخر
live-conflict-mine = نصك، لم يُحفظ بعد

## Attendance
attendance-title = الحضور
attendance-edit = تعديل الحضور
attendance-members = الأعضاء
attendance-present = حاضر
attendance-apologies = معتذر
attendance-unknown = غير مسجَّل
attendance-save = حفظ الحضور
attendance-guests = الضيوف
attendance-guest-name = اسم الضيف
attendance-guest-organization = منظمة الضيف
attendance-add-guest = إضافة ضيف
attendance-remove-guest = إزالة

## Minutes
minutes-title = محضر الاجتماع
minutes-text = نص عادي
## Scheduling meetings
schedule-new-title = جدولة اجتماع لـ { $group }
schedule-edit-title = تعديل الاجتماع
schedule-new-link = جدولة اجتماع
schedule-edit-link = تعديل الموعد والمكان والأشخاص
schedule-field-title = العنوان
schedule-field-date = التاريخ
schedule-field-start = يبدأ في
schedule-field-end = ينتهي في
schedule-field-location = المكان
schedule-field-online = رابط الاجتماع عبر الإنترنت
schedule-field-chair = رئيس الاجتماع
schedule-field-note-taker = مدوّن المحضر
schedule-field-agenda = جدول الأعمال
schedule-agenda-previous = البدء من جدول أعمال الاجتماع السابق
schedule-agenda-template = البدء من نموذج جدول أعمال المجموعة
schedule-agenda-empty = البدء بجدول فارغ
schedule-agenda-note = يبدأ جدول الأعمال دائمًا بمراجعة نقاط العمل؛ ولا تُنسخ الملاحظات ولا المحاضر أبدًا.
schedule-review-item = مراجعة نقاط العمل
schedule-nobody = (لا أحد بعد)
schedule-zone-note = الأوقات بتوقيت { $zone }، وهي المنطقة الزمنية للمجموعة. والوقت الذي يتخطاه تغيير الساعة يُقدَّم بمقدار الفارق (00:30 في ليلة تقفز فيها الساعة إلى 01:00 يصبح 01:30)؛ والوقت الذي يتكرر مرتين يُعتمد أوله.
schedule-save = حفظ الاجتماع
schedule-not-editable = هذا الاجتماع مختتم أو ملغى: لا يمكن تغييره إلا بعد أن يعيد منسق فتحه.
schedule-invalid-time = هذا ليس وقتًا؛ استخدم الساعات والدقائق مثل 14:00.
schedule-invalid-end-before-start = يجب أن تأتي النهاية بعد البداية.
schedule-invalid-duration = يستمر الاجتماع من 5 دقائق إلى 24 ساعة.
schedule-invalid-online-link = أدخل عنوان ويب كاملًا يبدأ بـ https:// (أو http://).

## Recurring series
series-new-link = جدولة سلسلة
series-new-title = جدولة سلسلة اجتماعات لـ { $group }
series-field-first-date = أول اجتماع في
series-field-repeat = التكرار
series-repeat-weeks = كل بضعة أسابيع، في اليوم نفسه من الأسبوع
series-repeat-monthly = شهريًا، في اليوم نفسه من أسابيع الشهر
series-field-every-weeks = كل كم أسبوعًا
series-monthly-note = تقع الاجتماعات الشهرية في موقع التاريخ الأول من شهره: فالاجتماع الأول في الأربعاء الثاني يتكرر في كل أربعاء ثانٍ؛ والاجتماع في الأسبوع الأخير من الشهر يتكرر في كل أسبوع أخير.
series-field-ends = الانتهاء
series-ends-until = في تاريخ
series-ends-count = بعد عدد من الاجتماعات
series-field-until = آخر تاريخ
series-field-count = عدد الاجتماعات
series-field-publish = نشر الاجتماعات الآن (وإلا فهي مسودات)
series-save = إنشاء الاجتماعات
series-invalid-interval = اختر من كل أسبوع إلى كل 12 أسبوعًا.
series-invalid-count = اختر من 1 إلى 104 اجتماعات.
series-invalid-until-before-first = يجب ألا يسبق آخر تاريخ التاريخ الأول.
series-invalid-too-long = تمتد السلسلة عامين مقبلين و104 اجتماعات على الأكثر.

## Meetings lists
meetings-list-nav = الاجتماعات
meetings-list-link = جميع الاجتماعات
meetings-list-group-title = اجتماعات { $group }
meetings-list-mine-title = اجتماعات مجموعاتي
meetings-list-newer = الأحدث
meetings-list-older = الأقدم
meetings-list-page = الصفحة { $page } من { $pages }
meetings-list-template = نموذج جدول الأعمال
meetings-list-template-note = بند واحد في كل سطر؛ أزِح السطر بمسافتين لجعله بندًا فرعيًا. يمكن أن تبدأ الاجتماعات الجديدة منه.
meetings-list-template-save = حفظ النموذج

## Calendar files and feeds
calendar-ics = .ics
calendar-subscribe-link = الاشتراك في تقويمك
calendar-title = خلاصات التقويم
calendar-intro = اشترك في هذه العناوين في تطبيق التقويم لديك لترى الاجتماعات المنشورة لمجموعاتك. كل من لديه العنوان يستطيع قراءة الخلاصة: فاحتفظ به سرًا، واحصل على عنوان جديد إن تسرّب (فيتوقف القديم عن العمل).
calendar-feed = الخلاصة
calendar-address = العنوان
calendar-all-my-groups = جميع مجموعاتي
calendar-copy-now = انسخ هذا العنوان الآن: فهو لا يُعرض إلا مرة واحدة.
calendar-active-since = قيد الاستخدام منذ { $date }؛ احصل على عنوان جديد لتراه مرة أخرى.
calendar-none = لا يوجد عنوان بعد.
calendar-get = الحصول على عنوان
calendar-reset = الحصول على عنوان جديد
calendar-revoke = إيقاف

## A reporting group's update under an agenda item
reporting-update-from = تحديث من { $group }
reporting-update-for = تحديث بشأن «{ $item }»
reporting-update-item = بند جدول الأعمال «{ $item }» من { $meeting }
reporting-update-posted = كما نُشر
reporting-update-label = التحديث (Markdown)
reporting-update-hint = اكتبه قبل الاجتماع أو في أثنائه: يظهر تحت البند في صفحة الاجتماع وفي المحضر.
reporting-update-save = حفظ التحديث
reporting-update-write = كتابة التحديث
reporting-conflict = حفظ أحدهم هذا التحديث بعد أن فتحته، فلم يُحفظ تحديثك. نصه أدناه، ونصك في النموذج مرة أخرى: ادمج الاثنين واحفظ.
reporting-conflict-theirs = ما حُفظ في الأثناء
reporting-conflict-mine = نصك
