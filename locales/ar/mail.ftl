## رسائل قسم البريد؛ الكلمات المشتركة في main.ftl.

## The admin's outbox.
outbox-title = صندوق الصادر
outbox-not-sending = لم يُضبط أي خادم SMTP (SMTP_URL): يُحتفظ بالبريد هنا ولا يُرسل.
outbox-filter-state = الحالة
outbox-unknown-state = اختر: في قائمة الانتظار، أو فشل، أو أُرسل، أو متوقف، أو ملغى.
outbox-state-all = الكل
outbox-state-queued = في قائمة الانتظار
outbox-state-failed = فشل، وستُعاد المحاولة
outbox-state-sent = أُرسل
outbox-state-dead = متوقف
outbox-state-cancelled = ملغى
outbox-empty = لا يوجد بريد هنا.
outbox-column-created = وُضع في الانتظار في
outbox-column-recipient = إلى
outbox-column-subject = الموضوع
outbox-column-state = الحالة
outbox-column-attempts = المحاولات
outbox-column-error = آخر خطأ
outbox-column-kind = النوع
outbox-column-outcome = منذ
outbox-column-next = المحاولة التالية
outbox-column-message-id = Message-ID
outbox-body = النص
outbox-attachment = المرفق { $name }
outbox-retry = إعادة الإرسال الآن
outbox-cancel = إلغاء هذه الرسالة
outbox-retry-sent = أُرسلت هذه الرسالة من قبل؛ ولا تُرسل مرتين.
outbox-cancel-done = لا يمكن إلغاء إلا البريد الذي لم يُرسل بعد.

## Reminders.
mail-when = الموعد:
mail-where = المكان:
mail-online = عبر الإنترنت:
mail-agenda = جدول الأعمال
mail-your-open-items = نقاط العمل المفتوحة المسندة إليك
mail-more-open-items = { $count ->
        [zero] لا مزيد.
        [one] …ونقطة أخرى. جميع نقاط العمل المسندة إليك:
        [two] …ونقطتان أخريان. جميع نقاط العمل المسندة إليك:
        [few] …و{ $count } نقاط أخرى. جميع نقاط العمل المسندة إليك:
        [many] …و{ $count } نقطة أخرى. جميع نقاط العمل المسندة إليك:
       *[other] …و{ $count } نقطة أخرى. جميع نقاط العمل المسندة إليك:
    }
mail-overdue-count = { $count ->
        [zero] لا توجد نقاط عمل متأخرة
        [one] نقطة عمل واحدة متأخرة
        [two] نقطتا عمل متأخرتان
        [few] { $count } نقاط عمل متأخرة
        [many] { $count } نقطة عمل متأخرة
       *[other] { $count } نقطة عمل متأخرة
    }
mail-update-here = حدّث حالتها:
mail-due-on = تستحق في { $date }
mail-meeting-reminder-subject = تذكير: { $group } – { $title }، { $when }
mail-meeting-reminder-intro = هذا تذكير بالاجتماع القادم.
mail-update-request-subject = تحديثك بشأن { $title }، { $when }
mail-update-request-intro = تقدّم { $group } تقريرًا عن «{ $item }» في الاجتماع القادم. يرجى نشر تحديثك قبل الاجتماع:
mail-due-soon-subject = { $group }: نقطة العمل رقم { $number } تستحق في { $date }
mail-due-soon-intro = نقطة عمل أنت مسؤول عنها تستحق في { $date }.
mail-due-today-subject = { $group }: نقطة العمل رقم { $number } تستحق اليوم
mail-due-today-intro = نقطة عمل أنت مسؤول عنها تستحق اليوم، { $date }.
mail-overdue-subject = { $group }: نقطة العمل رقم { $number } متأخرة (كانت تستحق في { $date })
mail-overdue-intro = نقطة عمل أنت مسؤول عنها كانت تستحق في { $date } وما زالت مفتوحة.
mail-task-ending-subject = { $group }: مهمة خطة العمل «{ $title }» تنتهي في { $date }
mail-task-ending-intro = مهمة في خطة العمل أنت مسؤول عنها، «{ $title }»، تنتهي في { $date }. حدّث حالتها أو تاريخ انتهائها:

## The update page of an action point, opened from a mail.
action-link-title = نقطة العمل رقم { $number }: { $topic }
action-link-due = تاريخ الاستحقاق
action-link-save = حفظ التحديث
action-link-saved = شكرًا لك: حُفظت الحالة، مع ملاحظة في سجل البند بأنها وردت عبر رابط في البريد الإلكتروني.
action-link-explain = وصلت إلى هذه الصفحة من رابط في بريدك. وهي لا تحدّث إلا حالة نقطة العمل هذه وملاحظتها؛ سجّل الدخول لأي شيء آخر.
mail-unsubscribe = لإيقاف رسائل مثل هذه، افتح:

## Notification preferences and unsubscribing.
notifications-title = الإشعارات
notifications-kinds = البريد الذي أريده
notifications-delivery = متى
notifications-immediate = كل رسالة فور ورودها
notifications-daily-digest = ملخص واحد يوميًا، في الساعة 08:00 بتوقيت منطقتي الزمنية (تصل الدعوات إلى الاجتماعات فورًا في كل الأحوال)
notifications-kind-meeting_published = الاجتماعات المنشورة أو المنقولة أو الملغاة
notifications-kind-meeting_reminder = التذكير بالاجتماعات
notifications-kind-update_request = طلبات تحديث مجموعتي قبل الاجتماع
notifications-kind-minutes = محاضر الاجتماعات
notifications-kind-action_point_due = نقاط العمل التي يقترب استحقاقها والمتأخرة
notifications-kind-workplan_task_ending = مهام خطة العمل التي تنتهي
notifications-account-mail = يصلك دائمًا البريد المتعلق بحسابك (الدعوات وإعادة تعيين كلمة المرور).
notifications-save = حفظ
notifications-saved = حُفظ.
unsubscribe-title = إلغاء الاشتراك
unsubscribe-confirm = إيقاف إرسال هذه الرسائل إلى { $email }؟
unsubscribe-button = إلغاء الاشتراك
unsubscribe-done = لم يعد { $email } يتلقى هذه الرسائل:
unsubscribe-manage = سجّل الدخول لاختيار البريد الذي يصلك

## Meeting notices.
mail-minutes = محضر الاجتماع
mail-meeting-published-subject = اجتماع: { $group } – { $title }، { $when }
mail-meeting-published-intro = جُدول اجتماع لمجموعتك. تضيفه الدعوة المرفقة إلى تقويمك.
mail-meeting-rescheduled-subject = تغيّر الموعد: { $group } – { $title }، أصبح { $when }
mail-meeting-rescheduled-intro = لاجتماع مجموعتك موعد أو مكان جديد. تحدّث الدعوة المرفقة تقويمك.
mail-meeting-cancelled-subject = أُلغي: { $group } – { $title }، { $when }
mail-meeting-cancelled-intro = أُلغي هذا الاجتماع لمجموعتك. يزيله المرفق من تقويمك.
mail-minutes-subject = محضر الاجتماع: { $group } – { $title } بتاريخ { $when }
mail-minutes-corrected-subject = محضر الاجتماع المصحَّح: { $group } – { $title } بتاريخ { $when }
mail-minutes-intro = اختُتم الاجتماع. وفيما يلي محضره.

## The daily digest.
mail-digest-subject = ملخصك على convene ليوم { $date }: { $count ->
        [zero] لا تحديثات
        [one] تحديث واحد
        [two] تحديثان
        [few] { $count } تحديثات
        [many] { $count } تحديثًا
       *[other] { $count } تحديث
    }
mail-digest-intro = إليك ما ورد لك منذ ملخصك الأخير.

## دعوات التقويم
ics-meeting-description = اجتماع { $group }. جدول الأعمال والوثائق: { $link }
ics-meeting-cancelled-description = أُلغي اجتماع { $group } هذا: { $link }
