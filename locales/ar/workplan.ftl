## رسائل قسم خطة العمل؛ الكلمات المشتركة في main.ftl.

workplan-action-point-number = نقطة العمل رقم { $number }
workplan-discussed-at = · نوقشت
workplan-linked-action-points = نقاط العمل التي تخدمها
workplan-linked-meetings = الاجتماعات التي ناقشتها
invalid-link-elsewhere = اختر من بين نقاط العمل والاجتماعات المعروضة لهذه المجموعة.
invalid-position = حدّد موضعًا يبدأ العدّ فيه من 0: الموضع 0 هو الأول.
workplan-delete = حذف
workplan-keep = الإبقاء عليها
workplan-delete-task = حذف هذه المهمة
workplan-delete-task-title = حذف المهمة «{ $title }»؟
workplan-delete-task-question = ستُزال المهمة والجهات المسؤولة عنها وروابطها بنقاط العمل والاجتماعات. ولا يمكن التراجع عن ذلك.
workplan-delete-area-title = حذف المجال «{ $name }»؟
workplan-delete-area-question = { $count ->
    [0] لا مهام في هذا المجال. سيُزال.
    [zero] لا مهام في هذا المجال. سيُزال.
    [one] ستُحذف المهمة الوحيدة في المجال معه. ولا يمكن التراجع عن ذلك.
    [two] ستُحذف مهمتا المجال معه. ولا يمكن التراجع عن ذلك.
    [few] ستُحذف مهام المجال الـ{ $count } معه. ولا يمكن التراجع عن ذلك.
    [many] ستُحذف مهام المجال الـ{ $count } معه. ولا يمكن التراجع عن ذلك.
   *[other] ستُحذف مهام المجال الـ{ $count } معه. ولا يمكن التراجع عن ذلك.
}
workplan-tasks-served = مهام خطة العمل
workplan-review-heading = خطة العمل: المهام التي انتهت منذ الاجتماع الأخير أو المتأخرة
workplan-review-empty = لم تنتهِ أي مهمة منذ الاجتماع الأخير، ولا توجد مهمة متأخرة.
workplan-review-ended = انتهت
workplan-review-overdue = متأخرة
workplan-discussed-here = المهام التي نوقشت في هذا الاجتماع
workplan-open-table = فتح خطة العمل
