<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>AccountsBox</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="95"/>
        <source>Accounts and sign-in</source>
        <translation>الحسابات وتسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="102"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="102"/>
        <source>Name shown</source>
        <translation>الاسم الظاهر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="102"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="102"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="102"/>
        <source>Last sign-in</source>
        <translation>آخر دخول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="110"/>
        <source>Add account…</source>
        <translation>إضافة حساب…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="112"/>
        <source>Change role…</source>
        <translation>تغيير الدور…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="114"/>
        <source>Reset password…</source>
        <translation>تعيين كلمة مرور جديدة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="116"/>
        <source>Disable / enable</source>
        <translation>تعطيل / تفعيل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="124"/>
        <source>min</source>
        <translation>دقيقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="125"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="128"/>
        <source>Lock the window after this long without use</source>
        <translation>قفل النافذة بعد هذه المدة دون استخدام</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="144"/>
        <source>Everyone signs in with their own account; an account is disabled, never deleted.</source>
        <translation>يسجّل كلٌّ الدخول بحسابه؛ والحساب يُعطَّل ولا يُحذف أبدًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="146"/>
        <source>Nobody signs in while there are no accounts. The first account you add is the administrator, and from then on everyone signs in.</source>
        <translation>لا أحد يسجّل الدخول ما دامت لا توجد حسابات. أول حساب تضيفه هو المسؤول، ومن بعده يسجّل الجميع الدخول.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="156"/>
        <source>disabled</source>
        <translation>معطَّل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="156"/>
        <source>enabled</source>
        <translation>مفعَّل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="175"/>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="202"/>
        <source>Accounts</source>
        <translation>الحسابات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="175"/>
        <source>Choose an account in the table first.</source>
        <translation>اختر حسابًا من الجدول أولًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="186"/>
        <source>Add account</source>
        <translation>إضافة حساب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="203"/>
        <source>{name} is the administrator. From now on everyone signs in with their own account.</source>
        <translation>{name} هو المسؤول. من الآن يسجّل كلٌّ الدخول بحسابه.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="215"/>
        <source>Change role</source>
        <translation>تغيير الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="215"/>
        <source>Role of {name}</source>
        <translation>دور {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="228"/>
        <source>New password for {name}</source>
        <translation>كلمة مرور جديدة لـ {name}</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1010"/>
        <source>Edit action item</source>
        <translation>تعديل بند المتابعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1010"/>
        <source>New action item</source>
        <translation>بند متابعة جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1013"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1018"/>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1014"/>
        <source>Due by</source>
        <translation>الموعد النهائي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1026"/>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1027"/>
        <source>Owner</source>
        <translation>المسؤول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1031"/>
        <source>Due</source>
        <translation>الموعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1032"/>
        <source>From</source>
        <translation>صادر عن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1033"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
</context>
<context>
    <name>AddPeopleDialog</name>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="257"/>
        <source>Add people to the training</source>
        <translation>إضافة أشخاص إلى التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="264"/>
        <source>Search by name, mobile or organization…</source>
        <translation>ابحث بالاسم أو الموبايل أو الجهة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="272"/>
        <source>Tick the people to enrol:</source>
        <translation>ضع علامة على من تريد تسجيلهم:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="274"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="276"/>
        <source>New person…</source>
        <translation>شخص جديد…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="280"/>
        <source>Enrol the ticked people</source>
        <translation>سجّل المحددين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="280"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="292"/>
        <source>Add and tick</source>
        <translation>أضف وحدّد</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="610"/>
        <source>Edit agreement</source>
        <translation>تعديل الاتفاقية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="610"/>
        <source>New agreement</source>
        <translation>اتفاق جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="615"/>
        <source>Cooperation protocol</source>
        <translation>بروتوكول تعاون</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="615"/>
        <source>Memorandum of understanding</source>
        <translation>مذكرة تفاهم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="616"/>
        <source>Partnership</source>
        <translation>شراكة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="616"/>
        <source>Grant</source>
        <translation>منحة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="619"/>
        <source>Signed</source>
        <translation>موقّع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="619"/>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="619"/>
        <source>Active</source>
        <translation>ساري</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="620"/>
        <source>Expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="620"/>
        <source>Ended</source>
        <translation>منتهٍ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="634"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="635"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="636"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="637"/>
        <source>Signed on</source>
        <translation>تاريخ التوقيع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="638"/>
        <source>In force from</source>
        <translation>يسري من</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="639"/>
        <source>Until</source>
        <translation>حتى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="640"/>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="647"/>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="649"/>
        <location filename="../../desktop_app/views/pages/network.py" line="679"/>
        <source>(signatory)</source>
        <translation>(الموقّع)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="651"/>
        <source>their title</source>
        <translation>صفته</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="661"/>
        <source>Party {n}</source>
        <translation>الطرف {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="663"/>
        <source>Parties</source>
        <translation>الأطراف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="667"/>
        <source>Trainings and meetings</source>
        <translation>التدريبات والاجتماعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="668"/>
        <source>meeting</source>
        <translation>اجتماع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="671"/>
        <source>Initiatives</source>
        <translation>المبادرات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="674"/>
        <source>Linked activities</source>
        <translation>الأنشطة المرتبطة</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../desktop_app/views/context.py" line="80"/>
        <source>Needs the {role} role</source>
        <translation>يحتاج دور {role}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/context.py" line="94"/>
        <source>Not for this account</source>
        <translation>ليس لهذا الحساب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/context.py" line="95"/>
        <source>This needs the {role} role; {name} has the {own} role.</source>
        <translation>هذا يحتاج دور {role}، ودور {name} هو {own}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/context.py" line="102"/>
        <source>Read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/context.py" line="103"/>
        <source>This database is open read-only because another program is writing to it. Close that program, then open the database again to make changes.</source>
        <translation>قاعدة البيانات مفتوحة للقراءة فقط لأن برنامجًا آخر يكتب فيها. أغلق ذلك البرنامج، ثم افتح قاعدة البيانات من جديد لإجراء التغييرات.</translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <location filename="../../desktop_app/views/attendance_grid.py" line="100"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/attendance_grid.py" line="102"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/attendance_grid.py" line="106"/>
        <source>Attended</source>
        <translation>نسبة الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/attendance_grid.py" line="108"/>
        <source>Eligible</source>
        <translation>يستحق الشهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/attendance_grid.py" line="123"/>
        <source>Present per session</source>
        <translation>الحضور في كل جلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/attendance_grid.py" line="153"/>
        <source>1 present · 2 late · 3 excused · 0 absent</source>
        <translation>1 حاضر · 2 متأخر · 3 معتذر · 0 غائب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/attendance_grid.py" line="243"/>
        <source>Everyone shown: present</source>
        <translation>كل المعروضين: حاضر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/attendance_grid.py" line="244"/>
        <source>Everyone shown: absent</source>
        <translation>كل المعروضين: غائب</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="572"/>
        <source>Every change</source>
        <translation>كل التغييرات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="572"/>
        <source>A person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="573"/>
        <source>An organization</source>
        <translation>جهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="573"/>
        <source>A training</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="581"/>
        <source>Type a name, then choose</source>
        <translation>اكتب اسمًا ثم اضغط Enter واختر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="585"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="600"/>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="585"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="595"/>
        <source>Organization</source>
        <translation>جهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="585"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="600"/>
        <source>Training</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="586"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="615"/>
        <source>Session</source>
        <translation>جلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="586"/>
        <source>Enrolment</source>
        <translation>تسجيل في تدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="586"/>
        <source>Attendance</source>
        <translation>حضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="587"/>
        <source>Certificate</source>
        <translation>شهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="587"/>
        <source>Setting</source>
        <translation>إعداد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="587"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="609"/>
        <source>Signatories</source>
        <translation>الموقعون</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="588"/>
        <source>Agreement</source>
        <translation>اتفاق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="588"/>
        <source>Initiative</source>
        <translation>مبادرة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="588"/>
        <source>Action item</source>
        <translation>بند متابعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="589"/>
        <source>Meeting series</source>
        <translation>سلسلة اجتماعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="592"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="597"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="592"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="592"/>
        <source>Mobile</source>
        <translation>الموبايل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="593"/>
        <source>Other phone</source>
        <translation>هاتف آخر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="593"/>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="593"/>
        <source>National ID</source>
        <translation>الرقم القومي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="594"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="594"/>
        <source>Gender</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="594"/>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="595"/>
        <source>Job title</source>
        <translation>الصفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="595"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="596"/>
        <source>Agrees to share contact details</source>
        <translation>موافق على مشاركة بيانات التواصل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="596"/>
        <source>Consent date</source>
        <translation>تاريخ الموافقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="597"/>
        <source>Archived</source>
        <translation>مؤرشف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="597"/>
        <source>Name (English)</source>
        <translation>الاسم (إنجليزي)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="598"/>
        <source>Serial</source>
        <translation>رقم الشهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="598"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="598"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="599"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="599"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="607"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="599"/>
        <source>Check-in code</source>
        <translation>رمز التسجيل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="600"/>
        <source>Organizer</source>
        <translation>منظم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="601"/>
        <source>Co-organizers</source>
        <translation>الجهات المشاركة في التنظيم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="601"/>
        <source>Title (English)</source>
        <translation>العنوان بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="602"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="602"/>
        <source>Venue</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="602"/>
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="603"/>
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="603"/>
        <source>Late after</source>
        <translation>التأخير بعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="604"/>
        <source>Sessions needed for a certificate</source>
        <translation>نسبة الجلسات اللازمة للشهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="605"/>
        <source>Working groups</source>
        <translation>مجموعات العمل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="605"/>
        <source>Group names</source>
        <translation>أسماء المجموعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="606"/>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="606"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="606"/>
        <source>Starts</source>
        <translation>تبدأ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="607"/>
        <source>Ends</source>
        <translation>تنتهي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="607"/>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="608"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="608"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="608"/>
        <source>Website</source>
        <translation>الموقع الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="609"/>
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="609"/>
        <source>How</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="610"/>
        <source>Checked in at</source>
        <translation>وقت تسجيل الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="611"/>
        <source>From</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="611"/>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="611"/>
        <source>Added</source>
        <translation>أُضيف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="612"/>
        <source>Updated</source>
        <translation>حُدّث</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="612"/>
        <source>Unchanged</source>
        <translation>دون تغيير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="612"/>
        <source>Conflicts</source>
        <translation>التعارضات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="613"/>
        <source>People updated</source>
        <translation>أشخاص حُدّثوا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="613"/>
        <source>Organizations updated</source>
        <translation>جهات حُدّثت</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="614"/>
        <source>Fields updated</source>
        <translation>حقول حُدّثت</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="614"/>
        <source>Fields in conflict</source>
        <translation>حقول متعارضة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="615"/>
        <source>Check-in codes reissued</source>
        <translation>رموز حضور أُعيد إصدارها</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="625"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="625"/>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="625"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="625"/>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="626"/>
        <source>Old → new</source>
        <translation>القديم ← الجديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="676"/>
        <source>created</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="676"/>
        <source>changed</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="676"/>
        <source>archived</source>
        <translation>أرشفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="677"/>
        <source>restored</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="677"/>
        <source>merged</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="677"/>
        <source>merged into another</source>
        <translation>دُمج في سجل آخر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="678"/>
        <source>issued</source>
        <translation>إصدار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="678"/>
        <source>revoked</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="678"/>
        <source>checked in</source>
        <translation>تسجيل حضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="679"/>
        <source>package imported</source>
        <translation>استيراد حزمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="691"/>
        <source>On the computer {machine}</source>
        <translation>على الجهاز {machine}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="703"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="703"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="74"/>
        <source>Protect with a passphrase (for backups carried on USB sticks)</source>
        <translation>حمايتها بكلمة مرور (للنسخ المنقولة على ذاكرة USB)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="75"/>
        <source>Back up now</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="78"/>
        <source>Made</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="78"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="78"/>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="83"/>
        <source>Restore the chosen backup…</source>
        <translation>استعادة النسخة المختارة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="85"/>
        <source>Restore from a file…</source>
        <translation>استعادة من ملف…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="89"/>
        <source>This database is on a PostgreSQL server: back it up with the server&apos;s own tools (pg_dump) and restore with pg_restore.</source>
        <translation>قاعدة البيانات هذه على خادم PostgreSQL: انسخها احتياطيًا بأدوات الخادم نفسه (pg_dump) واستعدها بـ pg_restore.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="116"/>
        <source>Backups are written to {folder} when the window closes and at least once a day while it is open; the newest of each of the last 7 days and 4 weeks are kept. Each is checked after writing.</source>
        <translation>تُكتب النسخ الاحتياطية في {folder} عند إغلاق النافذة ومرة يوميًا على الأقل أثناء فتحها؛ ويُحتفظ بأحدث نسخة لكل يوم من آخر 7 أيام ولكل أسبوع من آخر 4 أسابيع. وتُفحص كل نسخة بعد كتابتها.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="120"/>
        <source>by hand</source>
        <translation>يدوية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="120"/>
        <source>daily</source>
        <translation>يومية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="120"/>
        <source>on closing</source>
        <translation>عند الإغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="121"/>
        <source>before a restore</source>
        <translation>قبل استعادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="138"/>
        <source>Protect the backup</source>
        <translation>حماية النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="146"/>
        <source>Backup</source>
        <translation>نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="146"/>
        <source>Backup written and checked: {file}</source>
        <translation>كُتبت النسخة الاحتياطية وفُحصت: {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="151"/>
        <source>Writing the backup…</source>
        <translation>جارٍ كتابة النسخة الاحتياطية…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="161"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="180"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="187"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="194"/>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="161"/>
        <source>Choose a backup in the list first.</source>
        <translation>اختر نسخة احتياطية من القائمة أولًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="171"/>
        <source>Choose a backup</source>
        <translation>اختر نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="172"/>
        <source>Tashbeek backups (*.sqlite *.tshbak);;All files (*)</source>
        <translation>نسخ تشبيك الاحتياطية (*.sqlite *.tshbak);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="181"/>
        <source>Replace the whole database with the backup {file}? A copy of the database as it is now is kept in the backup folder first.</source>
        <translation>هل تستبدل قاعدة البيانات كلها بالنسخة {file}؟ ستُحفظ أولًا نسخة من قاعدة البيانات بحالتها الحالية في مجلد النسخ الاحتياطية.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="194"/>
        <source>Restored. The database as it was is kept as {file}.</source>
        <translation>تمت الاستعادة. حُفظت قاعدة البيانات كما كانت باسم {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="198"/>
        <source>Restoring…</source>
        <translation>جارٍ الاسترجاع…</translation>
    </message>
</context>
<context>
    <name>CertificateDesignDialog</name>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="48"/>
        <source>Remove image</source>
        <translation>إزالة الصورة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="56"/>
        <source>Signature image…</source>
        <translation>صورة التوقيع…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="58"/>
        <source>Change image…</source>
        <translation>تغيير الصورة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="65"/>
        <source>Signature image</source>
        <translation>صورة التوقيع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="67"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>صور (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="90"/>
        <source>Certificate wording and signatories</source>
        <translation>نص الشهادة والموقعون</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="98"/>
        <source>Insert the participant&apos;s name, the training and the other details from the list: each is filled in for every person, and the name is printed large on its own line. «شارك / شاركت» picks the masculine or feminine form for each person.</source>
        <translation>أدرج اسم المشارك والتدريب وسائر البيانات من القائمة: تُملأ لكل شخص، ويُطبع الاسم كبيرًا في سطر وحده. و«شارك / شاركت» تختار صيغة المذكر أو المؤنث لكل شخص.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="105"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="106"/>
        <source>Title</source>
        <translation>الصفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="119"/>
        <source>Wording</source>
        <translation>نص الشهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="125"/>
        <source>Signatories</source>
        <translation>الموقعون</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="126"/>
        <source>Leave them empty to use the organization&apos;s signatories from Settings.</source>
        <translation>اتركها فارغة لاستخدام موقّعي المنظمة من الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="130"/>
        <source>Certificates already issued keep exactly what they printed.</source>
        <translation>الشهادات التي صدرت من قبل تبقى كما طُبعت تمامًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="140"/>
        <source>Print the preview…</source>
        <translation>طباعة المعاينة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="141"/>
        <source>Print the preview (Ctrl+P)</source>
        <translation>طباعة المعاينة (⁦Ctrl+P⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="158"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/certificate_dialog.py" line="158"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="113"/>
        <source>Type the name or mobile number, or scan the badge…</source>
        <translation>اكتب الاسم أو رقم الموبايل أو امسح البطاقة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="136"/>
        <source>Undo  Ctrl+Z</source>
        <translation>تراجع  Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="138"/>
        <source>Register as walk-in  (Enter)</source>
        <translation>سجّله كحضور دون تسجيل مسبق  (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="155"/>
        <source>No trainings yet: create one, or load the demo data from Home.</source>
        <translation>لا توجد تدريبات بعد: أنشئ تدريبًا، أو حمّل البيانات التجريبية من الرئيسية.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="159"/>
        <source>Training</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="161"/>
        <source>Session</source>
        <translation>الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="180"/>
        <source>Last checked in</source>
        <translation>آخر من سجّلوا حضورهم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="102"/>
        <source>Only participants are counted here: trainers, organizers and guests are checked in too, and appear in the attendance grid.</source>
        <translation>يُحسب هنا المشاركون فقط: المدربون والمنظمون والضيوف يُسجَّل حضورهم أيضًا، ويظهرون في جدول الحضور.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="163"/>
        <source>Kiosk mode  F11</source>
        <translation>وضع الاستقبال  F11</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="165"/>
        <source>Full screen check-in for the venue door: only this training, in big type. Ctrl+Shift+Q leaves it.</source>
        <translation>تسجيل الحضور بملء الشاشة عند باب القاعة: هذا التدريب وحده، بخط كبير. يُغلَق بـ Ctrl+Shift+Q.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="263"/>
        <source>Participants present: {present} of {total}</source>
        <translation>المشاركون الحاضرون: {present} من {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="340"/>
        <source>Ready for the next person</source>
        <translation>جاهز للشخص التالي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="343"/>
        <source>Type part of a name, a mobile number, or scan the QR code on the badge.</source>
        <translation>اكتب جزءًا من الاسم أو رقم الموبايل، أو امسح رمز QR على البطاقة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="351"/>
        <source>group {n}</source>
        <translation>المجموعة {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="360"/>
        <source>Choose the person (arrows), then Enter to confirm</source>
        <translation>اختر الشخص (بالأسهم)، ثم Enter للتأكيد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="374"/>
        <source>Not registered in this training</source>
        <translation>غير مسجل في هذا التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="376"/>
        <source>Press Enter to register a walk-in, or correct the spelling.</source>
        <translation>اضغط Enter لتسجيله كحضور دون تسجيل مسبق، أو صحّح الكتابة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="382"/>
        <source>This session&apos;s day has not come yet</source>
        <translation>لم يحن بعد يوم هذه الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="384"/>
        <source>Check people in on the day, or choose today&apos;s session above.</source>
        <translation>سجّل الحضور في يوم الجلسة، أو اختر جلسة اليوم في الأعلى.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="389"/>
        <source>Group {n}</source>
        <translation>المجموعة {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="396"/>
        <source>Already checked in at {time}</source>
        <translation>سُجّل حضوره من قبل الساعة {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="402"/>
        <source>✓ Checked in (late)</source>
        <translation>✓ تم تسجيل الحضور (متأخر)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="402"/>
        <source>✓ Checked in</source>
        <translation>✓ تم تسجيل الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/checkin.py" line="441"/>
        <source>Check-in of {name} undone</source>
        <translation>تم التراجع عن تسجيل حضور {name}</translation>
    </message>
</context>
<context>
    <name>ChoosePeopleDialog</name>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="636"/>
        <source>Issue certificates to chosen people</source>
        <translation>إصدار شهادات لأشخاص مختارين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="641"/>
        <source>Filter by name</source>
        <translation>تصفية بالاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="644"/>
        <source>participant</source>
        <translation>مشارك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="644"/>
        <source>trainer</source>
        <translation>مدرب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="645"/>
        <source>organizer</source>
        <translation>منظم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="645"/>
        <source>guest</source>
        <translation>ضيف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="649"/>
        <source>{name} — {role} — attended {share}%</source>
        <translation>{name} — {role} — الحضور {share}%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="658"/>
        <source>Tick the people who should get a certificate even if the attendance rule does not give them one.</source>
        <translation>حدّد من يستحق شهادة حتى إن لم تمنحه قاعدة الحضور واحدة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="662"/>
        <source>Issue</source>
        <translation>إصدار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="662"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ChooseTrainingsDialog</name>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="664"/>
        <source>Choose trainings</source>
        <translation>اختيار التدريبات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="667"/>
        <source>Filter by title</source>
        <translation>تصفية بالعنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="678"/>
        <source>Leave every box empty to count all trainings.</source>
        <translation>اترك كل المربعات فارغة لعدّ كل التدريبات.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="681"/>
        <source>Count these</source>
        <translation>عدّ هذه التدريبات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="681"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="42"/>
        <source>Changed at another station</source>
        <translation>غُيِّر في محطة أخرى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="54"/>
        <source>{who} changed this record after you opened it. Choose, field by field, what to keep:</source>
        <translation>غيّر {who} هذا السجل بعد أن فتحته. اختر لكل حقل ما تُبقي عليه:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="62"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="62"/>
        <source>Theirs ({who})</source>
        <translation>ما حفظه ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="62"/>
        <source>Yours</source>
        <translation>ما كتبته</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="62"/>
        <source>Keep</source>
        <translation>يُبقى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="74"/>
        <source>Theirs</source>
        <translation>ما حفظه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="75"/>
        <source>Mine</source>
        <translation>ما كتبته</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="85"/>
        <source>Keep theirs</source>
        <translation>أبقِ ما حفظه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="86"/>
        <source>Keep mine</source>
        <translation>أبقِ ما كتبته</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="87"/>
        <source>Save as chosen</source>
        <translation>احفظ حسب الاختيار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/conflict.py" line="88"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="457"/>
        <source>Who it is (same uid, nothing else in common)</source>
        <translation>هوية الشخص (المعرّف نفسه ولا شيء آخر مشترك)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="458"/>
        <source>Show the settled ones too</source>
        <translation>اعرض ما حُسم أيضًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="461"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="461"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="461"/>
        <source>Here</source>
        <translation>هنا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="462"/>
        <source>At the venue</source>
        <translation>في مكان التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="462"/>
        <source>Found</source>
        <translation>ظهر في</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="471"/>
        <source>No conflicts are waiting for a decision.</source>
        <translation>لا توجد تعارضات تنتظر قرارًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="472"/>
        <source>Keep the value here</source>
        <translation>أبقِ القيمة الموجودة هنا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="474"/>
        <source>Take the venue&apos;s value</source>
        <translation>خذ قيمة مكان التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="478"/>
        <source>A field changed both here and at a venue since they last exchanged packages. The value here is kept until you choose; the venue&apos;s value waits beside it.</source>
        <translation>حقلٌ تغيّر هنا وفي مكان التدريب معًا منذ آخر تبادل للحزم بينهما. تبقى القيمة الموجودة هنا إلى أن تختار، وتنتظر قيمة مكان التدريب بجوارها.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="491"/>
        <source>kept here</source>
        <translation>أُبقيت قيمة هنا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="491"/>
        <source>taken from the venue</source>
        <translation>أُخذت من المكان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="492"/>
        <source>now the same</source>
        <translation>أصبحت القيمتان واحدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="493"/>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="493"/>
        <source>Organization</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="528"/>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="528"/>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="530"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="530"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="542"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="546"/>
        <source>Conflicts</source>
        <translation>التعارضات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="542"/>
        <source>Choose a waiting conflict in the list first.</source>
        <translation>اختر أولًا تعارضًا ينتظر القرار من القائمة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="547"/>
        <source>Merge the record that came from the venue into {name}, taking the venue&apos;s details? Enrolments, attendance and certificates of both are kept.</source>
        <translation>هل تدمج السجل القادم من مكان التدريب في {name} وتأخذ بياناته؟ يُحتفظ بتسجيلات الاثنين وحضورهما وشهاداتهما.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="78"/>
        <source>No trainings yet: documents are made for a training.</source>
        <translation>لا توجد تدريبات بعد: المستندات تُعدّ لتدريب محدد.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="83"/>
        <source>Issue to eligible participants</source>
        <translation>إصدار للمشاركين المستحقين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="85"/>
        <source>Issue to chosen people…</source>
        <translation>إصدار لأشخاص مختارين…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="87"/>
        <source>Print certificates…</source>
        <translation>طباعة الشهادات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="89"/>
        <source>Wording and signatories…</source>
        <translation>نص الشهادة والموقعون…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="91"/>
        <source>Templates…</source>
        <translation>القوالب…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="93"/>
        <source>Design certificate and badge templates and choose this training&apos;s</source>
        <translation>صمّم قوالب الشهادات والبطاقات واختر قالب هذا التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="96"/>
        <source>Also one file per person, named after them</source>
        <translation>وأيضًا ملف لكل شخص باسمه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="99"/>
        <source>Serial</source>
        <translation>رقم الشهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="99"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="99"/>
        <source>Issued</source>
        <translation>تاريخ الإصدار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="99"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="108"/>
        <source>Revoke…</source>
        <translation>إلغاء الشهادة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="110"/>
        <source>Issue a replacement…</source>
        <translation>إصدار شهادة بديلة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="112"/>
        <source>A revoked certificate is never issued again by itself: issue its replacement here.</source>
        <translation>لا تصدر الشهادة الملغاة من جديد تلقائيًا أبدًا: أصدر الشهادة البديلة من هنا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="117"/>
        <source>Participation certificates</source>
        <translation>شهادات المشاركة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="143"/>
        <source>Phone number column</source>
        <translation>عمود لرقم الهاتف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="144"/>
        <source>Make sign-in sheet…</source>
        <translation>إعداد كشف الحضور…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="146"/>
        <location filename="../../desktop_app/views/pages/documents.py" line="571"/>
        <source>Sign-in sheet</source>
        <translation>كشف الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="148"/>
        <source>Session</source>
        <translation>الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="149"/>
        <source>Blank rows for walk-ins</source>
        <translation>صفوف فارغة لغير المسجلين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="155"/>
        <source>Report, badges and directory</source>
        <translation>التقرير والبطاقات والدليل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="157"/>
        <source>The attendance report lists people by sessions with totals and eligibility. Badges carry a QR code that checks the person in when scanned. The directory lists only people who agreed to share their contact details.</source>
        <translation>يعرض تقرير الحضور الأشخاص حسب الجلسات مع المجاميع والاستحقاق. وتحمل البطاقات رمز QR يسجّل حضور صاحبها عند مسحه. ولا يضم الدليل إلا من وافقوا على مشاركة بيانات التواصل.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="162"/>
        <source>Attendance report…</source>
        <translation>تقرير الحضور…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="163"/>
        <source>Badges…</source>
        <translation>البطاقات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="164"/>
        <source>Directory…</source>
        <translation>دليل المشاركين…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="176"/>
        <source>Scan the QR code, or type the verification code or serial</source>
        <translation>امسح رمز QR أو اكتب رمز التحقق أو رقم الشهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="179"/>
        <source>Verify</source>
        <translation>تحقق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="182"/>
        <source>Verify a certificate</source>
        <translation>التحقق من شهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="208"/>
        <source>Made documents appear here.</source>
        <translation>تظهر هنا المستندات بعد إعدادها.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="209"/>
        <source>Open in PDF viewer</source>
        <translation>فتح في عارض PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="212"/>
        <source>Print…</source>
        <translation>طباعة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="213"/>
        <source>Print this document (Ctrl+P)</source>
        <translation>طباعة هذا المستند (⁦Ctrl+P⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="228"/>
        <source>Make a document with the buttons beside: it opens here to check before printing.</source>
        <translation>أعِدّ مستندًا بالأزرار المجاورة: يُفتح هنا لتراجعه قبل الطباعة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="250"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="252"/>
        <source>Training</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="326"/>
        <source>Revoked: {reason}</source>
        <translation>ملغاة: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="328"/>
        <source>Valid</source>
        <translation>سارية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="331"/>
        <source>replaces {serial}</source>
        <translation>بدلًا من {serial}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="364"/>
        <source>The training&apos;s last session ends on {date} at {time}. Certificates are normally issued after it. Issue them now anyway?</source>
        <translation>تنتهي آخر جلسة في التدريب يوم {date} الساعة {time}، والمعتاد أن تصدر الشهادات بعد انتهائها. هل تريد إصدارها الآن على أي حال؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="375"/>
        <source>Not issued: {name} ({reason})</source>
        <translation>لم تصدر: {name} ({reason})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="378"/>
        <source>Not issued: {name} (certificate {serial} was revoked; choose it in the list and issue a replacement)</source>
        <translation>لم تصدر: {name} (الشهادة {serial} ملغاة؛ اخترها من القائمة وأصدر شهادة بديلة)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="393"/>
        <source>Issue a replacement</source>
        <translation>إصدار شهادة بديلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="394"/>
        <source>Issue a new certificate to {name} replacing the revoked {serial}? Verification will show the link.</source>
        <translation>هل تريد إصدار شهادة جديدة باسم {name} بدلًا من الشهادة الملغاة {serial}؟ سيظهر الربط بينهما عند التحقق.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="411"/>
        <source>Issued {serial} to replace {old}.</source>
        <translation>صدرت الشهادة {serial} بدلًا من {old}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="452"/>
        <source>Issuing certificates…</source>
        <translation>جارٍ إصدار الشهادات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="468"/>
        <source>one file per person</source>
        <translation>ملف لكل شخص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="476"/>
        <source>Writing certificates…</source>
        <translation>جارٍ إعداد الشهادات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="504"/>
        <source>Revoke</source>
        <translation>إلغاء الشهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="504"/>
        <source>Choose a certificate in the list first.</source>
        <translation>اختر شهادة من القائمة أولًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="509"/>
        <source>Revoke certificate</source>
        <translation>إلغاء شهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="510"/>
        <source>Why is the certificate {serial} of {name} revoked? It will verify as revoked, with this reason.</source>
        <translation>لماذا تُلغى الشهادة {serial} الخاصة بـ{name}؟ ستظهر عند التحقق ملغاة مع هذا السبب.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="533"/>
        <source>Unknown: no certificate issued here matches this text.</source>
        <translation>غير معروفة: لا توجد شهادة صادرة هنا تطابق هذا النص.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="537"/>
        <source>Issued to {name} for “{training}” on {date} (serial {serial}).</source>
        <translation>صدرت باسم {name} عن «{training}» بتاريخ {date} (رقم {serial}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="540"/>
        <source>Replaces the revoked certificate {serial}.</source>
        <translation>تحل محل الشهادة الملغاة {serial}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="543"/>
        <source>Replaced by {serial}.</source>
        <translation>حلّت محلها الشهادة {serial}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="545"/>
        <source>Genuine.</source>
        <translation>شهادة سليمة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="550"/>
        <source>On record, not verified: a serial alone is no proof. Scan the QR code or type the verification code.</source>
        <translation>مسجَّلة لدينا، لكن لم يتم التحقق منها: الرقم التسلسلي وحده ليس دليلًا. امسح رمز QR أو اكتب رمز التحقق.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="556"/>
        <source>Revoked: {reason}.</source>
        <translation>ملغاة: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="588"/>
        <source>Writing {document}…</source>
        <translation>جارٍ إعداد {document}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="596"/>
        <source>Save the PDF as</source>
        <translation>حفظ ملف PDF باسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="607"/>
        <source>{file} — {pages}</source>
        <translation>{file} — {pages}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="608"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>لا صفحات</numerusform>
            <numerusform>صفحة واحدة</numerusform>
            <numerusform>صفحتان</numerusform>
            <numerusform>%n صفحات</numerusform>
            <numerusform>%n صفحةً</numerusform>
            <numerusform>%n صفحة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="363"/>
        <location filename="../../desktop_app/views/pages/documents.py" line="410"/>
        <location filename="../../desktop_app/views/pages/documents.py" line="449"/>
        <location filename="../../desktop_app/views/pages/documents.py" line="463"/>
        <source>Certificates</source>
        <translation>الشهادات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="318"/>
        <source>{qualify} (at least {share}% of the sessions); certificates issued: {issued}, revoked: {revoked}.</source>
        <translation>{qualify} (حضور {share}% من الجلسات على الأقل)؛ الشهادات الصادرة:&#xa0;{issued}، والملغاة:&#xa0;{revoked}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="319"/>
        <source>%n participant(s) qualify</source>
        <translation>
            <numerusform>لا يستحق الشهادة أحد</numerusform>
            <numerusform>يستحق الشهادة مشارك واحد</numerusform>
            <numerusform>يستحق الشهادة مشاركان</numerusform>
            <numerusform>يستحق الشهادة %n مشاركين</numerusform>
            <numerusform>يستحق الشهادة %n مشاركًا</numerusform>
            <numerusform>يستحق الشهادة %n مشارك</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="371"/>
        <source>%n new certificate(s) issued.</source>
        <translation>
            <numerusform>لم تصدر أي شهادة جديدة.</numerusform>
            <numerusform>صدرت شهادة جديدة واحدة.</numerusform>
            <numerusform>صدرت شهادتان جديدتان.</numerusform>
            <numerusform>صدرت %n شهادات جديدة.</numerusform>
            <numerusform>صدرت %n شهادةً جديدة.</numerusform>
            <numerusform>صدرت %n شهادة جديدة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="373"/>
        <source>%n participant(s) already had theirs.</source>
        <translation>
            <numerusform>لم تكن لدى أي مشارك شهادة من قبل.</numerusform>
            <numerusform>كانت لدى مشارك واحد شهادته من قبل.</numerusform>
            <numerusform>كانت لدى مشاركَين شهادتاهما من قبل.</numerusform>
            <numerusform>كانت لدى %n مشاركين شهاداتهم من قبل.</numerusform>
            <numerusform>كانت لدى %n مشاركًا شهاداتهم من قبل.</numerusform>
            <numerusform>كانت لدى %n مشارك شهاداتهم من قبل.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="572"/>
        <source>Badges</source>
        <translation>بطاقات الأسماء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="571"/>
        <source>Attendance report</source>
        <translation>تقرير الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/documents.py" line="572"/>
        <source>Participants&apos; directory</source>
        <translation>دليل المشاركين</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="19"/>
        <source>Possible duplicate</source>
        <translation>احتمال تكرار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="23"/>
        <source>same phone number</source>
        <translation>نفس رقم الهاتف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="24"/>
        <source>same national ID</source>
        <translation>نفس الرقم القومي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="25"/>
        <source>same email</source>
        <translation>نفس البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="26"/>
        <source>same name and organization</source>
        <translation>نفس الاسم والجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="27"/>
        <source>same name in Latin letters</source>
        <translation>الاسم نفسه بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="31"/>
        <source>This person may already be in the registry:</source>
        <translation>قد يكون هذا الشخص مسجلًا بالفعل:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="44"/>
        <source>Open the existing record</source>
        <translation>افتح السجل الموجود</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="46"/>
        <source>Save anyway</source>
        <translation>احفظ على أي حال</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/duplicate.py" line="47"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="218"/>
        <source>First record</source>
        <translation>السجل الأول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="218"/>
        <source>Second record</source>
        <translation>السجل الثاني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="218"/>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="227"/>
        <source>No likely duplicates: every person looks unique.</source>
        <translation>لا توجد تكرارات محتملة: كل شخص يبدو فريدًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="229"/>
        <source>Merge…</source>
        <translation>دمج…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="232"/>
        <source>Look again</source>
        <translation>ابحث مجددًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="236"/>
        <source>Same phone, national ID or email; or the same name (or a near spelling) in the same organization. Merging keeps every enrolment, attendance mark and certificate of both.</source>
        <translation>الهاتف نفسه أو الرقم القومي أو البريد؛ أو الاسم نفسه (أو كتابة قريبة منه) في الجهة نفسها. الدمج يحتفظ بكل تسجيلات الاثنين في التدريبات وحضورهما وشهاداتهما.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="247"/>
        <source>same phone</source>
        <translation>الهاتف نفسه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="247"/>
        <source>same email</source>
        <translation>البريد نفسه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="247"/>
        <source>same national ID</source>
        <translation>الرقم القومي نفسه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="248"/>
        <source>same name and organization</source>
        <translation>الاسم والجهة نفسهما</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="248"/>
        <source>near spelling, same organization</source>
        <translation>كتابة قريبة للاسم، والجهة نفسها</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="249"/>
        <source>same name in Latin letters</source>
        <translation>الاسم نفسه بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="265"/>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="265"/>
        <source>Choose a pair in the list first.</source>
        <translation>اختر زوجًا من القائمة أولًا.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop_app/views/errors.py" line="39"/>
        <source>Tashbeek</source>
        <translation>تشبيك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/errors.py" line="46"/>
        <source>Something went wrong</source>
        <translation>حدث خطأ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/errors.py" line="48"/>
        <source>Something unexpected went wrong. Your saved data is safe.</source>
        <translation>حدث خطأ غير متوقع. بياناتك المحفوظة سليمة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/errors.py" line="50"/>
        <source>The details were written to the log file: {path}</source>
        <translation>كُتبت التفاصيل في ملف السجل: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/errors.py" line="54"/>
        <source>Copy details</source>
        <translation>انسخ التفاصيل</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="425"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="439"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="426"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="427"/>
        <source>Gender</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="428"/>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="429"/>
        <source>National ID</source>
        <translation>الرقم القومي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="430"/>
        <source>Mobile</source>
        <translation>الموبايل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="431"/>
        <source>Other phone</source>
        <translation>هاتف آخر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="432"/>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="433"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="434"/>
        <source>Organization</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="435"/>
        <source>Job title</source>
        <translation>الصفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="436"/>
        <source>Agrees to share contact details</source>
        <translation>موافق على مشاركة بيانات التواصل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="437"/>
        <source>Consent date</source>
        <translation>تاريخ الموافقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="438"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="440"/>
        <source>Name (English)</source>
        <translation>الاسم (إنجليزي)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="441"/>
        <source>Kind</source>
        <translation>نوع الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="442"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="443"/>
        <source>Website</source>
        <translation>الموقع</translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/statistics.py" line="603"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>لا صفوف</numerusform>
            <numerusform>صف واحد</numerusform>
            <numerusform>صفان</numerusform>
            <numerusform>%n صفوف</numerusform>
            <numerusform>%n صفًا</numerusform>
            <numerusform>%n صف</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="624"/>
        <source>Export the list…</source>
        <translation>تصدير القائمة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="627"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="636"/>
        <source>Save the list as</source>
        <translation>حفظ القائمة باسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="653"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="654"/>
        <source>Saved {file}</source>
        <translation>حُفظت في {file}</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="91"/>
        <source>Welcome to Tashbeek</source>
        <translation>مرحبًا بك في تشبيك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="97"/>
        <source>Back</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="97"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="98"/>
        <source>Finish</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="98"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="105"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="105"/>
        <source>The language of the program&apos;s windows and messages.</source>
        <translation>لغة نوافذ البرنامج ورسائله.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="116"/>
        <source>Your database</source>
        <translation>قاعدة بياناتك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="117"/>
        <source>Everything the program records lives in one database file on this computer.</source>
        <translation>كل ما يسجّله البرنامج يُحفظ في ملف قاعدة بيانات واحد على هذا الكمبيوتر.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="118"/>
        <source>Start with the demo programme (to try everything out first)</source>
        <translation>ابدأ بالبرنامج التجريبي (لتجربة كل شيء أولًا)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="119"/>
        <source>Start with an empty database (for real work)</source>
        <translation>ابدأ بقاعدة بيانات فارغة (للعمل الفعلي)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="122"/>
        <location filename="../../desktop_app/views/first_run.py" line="184"/>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="131"/>
        <source>Where the database file is kept:</source>
        <translation>مكان حفظ ملف قاعدة البيانات:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="134"/>
        <source>A database exists there already: it will be opened as it is.</source>
        <translation>توجد قاعدة بيانات في هذا المكان بالفعل: ستُفتح كما هي.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="142"/>
        <source>Your organization</source>
        <translation>جهتك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="143"/>
        <source>Printed on certificates, badges and reports. You can change it later under Settings.</source>
        <translation>يُطبع على الشهادات والبطاقات والتقارير. يمكنك تغييره لاحقًا من الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="146"/>
        <source>Leave empty to fill it in later</source>
        <translation>اتركه فارغًا لتكتبه لاحقًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="153"/>
        <source>Choose logo…</source>
        <translation>اختر الشعار…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="163"/>
        <source>Name in Arabic</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="164"/>
        <source>Name in English</source>
        <translation>الاسم بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="165"/>
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="172"/>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="173"/>
        <source>Your name is written with every change you make and every check-in on this computer.</source>
        <translation>يُسجَّل اسمك مع كل تغيير تجريه وكل تسجيل حضور على هذا الكمبيوتر.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="175"/>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="180"/>
        <source>Backups</source>
        <translation>النسخ الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="181"/>
        <source>A checked copy of the database is made every day and when the program closes. A folder on a USB stick or another disk keeps it safe if this computer fails.</source>
        <translation>تُحفظ نسخة مُتحقَّق منها من قاعدة البيانات كل يوم وعند إغلاق البرنامج. ومجلد على فلاشة USB أو قرص آخر يحفظها إذا تعطّل هذا الكمبيوتر.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="186"/>
        <source>Backup folder:</source>
        <translation>مجلد النسخ الاحتياطية:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="208"/>
        <source>Where the database file is kept</source>
        <translation>مكان حفظ ملف قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="209"/>
        <source>Tashbeek databases (*.sqlite)</source>
        <translation>قواعد بيانات تشبيك (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="215"/>
        <source>Backup folder</source>
        <translation>مجلد النسخ الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="220"/>
        <source>Choose an image</source>
        <translation>اختر صورة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="248"/>
        <source>No logo</source>
        <translation>لا يوجد شعار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="267"/>
        <source>Say where the database file is kept.</source>
        <translation>حدّد مكان حفظ ملف قاعدة البيانات.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/first_run.py" line="269"/>
        <source>This is a folder: give a file name, such as tashbeek.sqlite.</source>
        <translation>هذا مجلد: اكتب اسم ملف، مثل tashbeek.sqlite.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/help.py" line="129"/>
        <source>Help for this screen (F1)</source>
        <translation>مساعدة هذه الشاشة (⁦F1⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/help.py" line="130"/>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/help.py" line="55"/>
        <location filename="../../desktop_app/views/dialogs/help.py" line="90"/>
        <location filename="../../desktop_app/views/dialogs/help.py" line="101"/>
        <source>Help</source>
        <translation>المساعدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/help.py" line="66"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/help.py" line="70"/>
        <source>All help pages</source>
        <translation>كل صفحات المساعدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/help.py" line="72"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="72"/>
        <source>Welcome to Tashbeek</source>
        <translation>أهلًا بك في تشبيك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="73"/>
        <source>The database is empty. Load the demo programme to explore Tashbeek, or start by adding organizations and people.</source>
        <translation>قاعدة البيانات فارغة. حمّل البرنامج التجريبي لتتعرف على تشبيك، أو ابدأ بإضافة المنظمات والأشخاص.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="77"/>
        <source>Load the demo data</source>
        <translation>حمّل البيانات التجريبية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="92"/>
        <source>Organizations</source>
        <translation>المنظمات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="93"/>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="94"/>
        <source>Trainings</source>
        <translation>التدريبات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="95"/>
        <source>Upcoming sessions</source>
        <translation>الجلسات القادمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="110"/>
        <source>All statistics</source>
        <translation>كل الإحصاءات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="119"/>
        <source>People who attended</source>
        <translation>أشخاص حضروا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="120"/>
        <source>Completed a training</source>
        <translation>أتموا تدريبًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="121"/>
        <source>Sessions held</source>
        <translation>جلسات منعقدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="122"/>
        <source>Attendance rate</source>
        <translation>نسبة الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="135"/>
        <source>New person</source>
        <translation>شخص جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="136"/>
        <source>New organization</source>
        <translation>منظمة جديدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="137"/>
        <source>Start check-in</source>
        <translation>ابدأ تسجيل الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="144"/>
        <source>Quick actions</source>
        <translation>إجراءات سريعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="147"/>
        <source>Next trainings</source>
        <translation>التدريبات القادمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="151"/>
        <source>Follow-up</source>
        <translation>المتابعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="180"/>
        <source>No upcoming trainings yet. A training planned here appears with its dates and venue, one click from its sessions, enrolment and check-in.</source>
        <translation>لا توجد تدريبات قادمة بعد. يظهر هنا كل تدريب تخطط له بتواريخه ومكانه، وعلى بعد نقرة منه جلساته والتسجيل فيه وتسجيل الحضور.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="182"/>
        <source>Plan a training</source>
        <translation>خطط لتدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="221"/>
        <source>Meeting: {title}</source>
        <translation>اجتماع: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="222"/>
        <source>Meeting: {title} · {day}</source>
        <translation>اجتماع: {title} · {day}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="226"/>
        <source>Agreement ending on {day}: {title}</source>
        <translation>اتفاق ينتهي في {day}: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="230"/>
        <source>Overdue since {day}: {title} ({owner})</source>
        <translation>متأخر منذ {day}: {title} ({owner})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="252"/>
        <source>This month: {month}</source>
        <translation>هذا الشهر: {month}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="263"/>
        <source>Counting…</source>
        <translation>جارٍ العدّ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/home.py" line="290"/>
        <source>Loading the demo data…</source>
        <translation>جارٍ تحميل البيانات التجريبية…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="86"/>
        <source>Import {file}</source>
        <translation>استيراد {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="95"/>
        <source>Column in the file</source>
        <translation>العمود في الملف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="95"/>
        <source>First values</source>
        <translation>أول القيم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="95"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="95"/>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="124"/>
        <source>— do not enrol —</source>
        <translation>— بدون تسجيل —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="129"/>
        <source>Automatic: merge strong matches, create and list name-only likenesses</source>
        <translation>تلقائي: دمج التطابق القوي، وإنشاء التشابه في الاسم فقط مع إدراجه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="130"/>
        <source>Merge every likely duplicate</source>
        <translation>دمج كل تكرار محتمل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="131"/>
        <source>Skip every likely duplicate</source>
        <translation>تخطي كل تكرار محتمل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="132"/>
        <source>Create new records anyway</source>
        <translation>إنشاء سجلات جديدة على أي حال</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="135"/>
        <source>Import the valid rows even if other rows have problems</source>
        <translation>استيراد الصفوف السليمة حتى لو كان في غيرها مشاكل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="138"/>
        <source>{rows} rows. Check the field each column fills; columns set to “Ignore” are left out.</source>
        <translation>عدد الصفوف: {rows}. راجع الحقل الذي يملؤه كل عمود؛ الأعمدة المضبوطة على «تجاهل» لا تُستورد.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="142"/>
        <source>No column is surely the name: “{column}” looks like it, but {reason}. Choose the column that holds the names.</source>
        <translation>لا يوجد عمود مؤكَّد للاسم: يبدو العمود «{column}» كذلك، لكن {reason}. اختر العمود الذي فيه الأسماء.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="150"/>
        <source>Enrol in training</source>
        <translation>التسجيل في تدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="151"/>
        <source>Likely duplicates</source>
        <translation>التكرارات المحتملة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="157"/>
        <location filename="../../desktop_app/views/import_dialog.py" line="159"/>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="157"/>
        <source>Column</source>
        <translation>العمود</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="157"/>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="159"/>
        <source>In the file</source>
        <translation>في الملف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="159"/>
        <source>Already there</source>
        <translation>موجود من قبل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="159"/>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="165"/>
        <source>Save rejected rows…</source>
        <translation>حفظ الصفوف المرفوضة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="170"/>
        <source>Problems and warnings</source>
        <translation>المشاكل والتنبيهات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="178"/>
        <source>Possible duplicates (same name and organization, or a near spelling)</source>
        <translation>تكرارات محتملة (الاسم والجهة نفسهما، أو كتابة قريبة)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="187"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="189"/>
        <source>Check</source>
        <translation>فحص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="191"/>
        <location filename="../../desktop_app/views/import_dialog.py" line="247"/>
        <location filename="../../desktop_app/views/import_dialog.py" line="373"/>
        <location filename="../../desktop_app/views/import_dialog.py" line="378"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="194"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="212"/>
        <location filename="../../desktop_app/views/import_dialog.py" line="220"/>
        <source>Ignore</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="212"/>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="212"/>
        <source>First name</source>
        <translation>الاسم الأول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="213"/>
        <source>Last name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="213"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="214"/>
        <source>Organization</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="214"/>
        <location filename="../../desktop_app/views/import_dialog.py" line="221"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="215"/>
        <source>Gender</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="215"/>
        <source>Job title</source>
        <translation>الصفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="215"/>
        <source>Mobile</source>
        <translation>الموبايل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="216"/>
        <source>Other phone</source>
        <translation>هاتف آخر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="216"/>
        <location filename="../../desktop_app/views/import_dialog.py" line="222"/>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="216"/>
        <source>National ID</source>
        <translation>الرقم القومي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="217"/>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="217"/>
        <source>Agrees to share contact details</source>
        <translation>موافق على مشاركة بيانات التواصل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="220"/>
        <source>Name (Arabic)</source>
        <translation>الاسم (عربي)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="220"/>
        <source>Name (English)</source>
        <translation>الاسم (إنجليزي)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="221"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="221"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="222"/>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="222"/>
        <source>Website</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="222"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="233"/>
        <source>Looks like “{field}” by its header, but {reason}</source>
        <translation>عنوانه يوحي بأنه «{field}»، لكن {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="237"/>
        <source>Chosen by its values: {reason}</source>
        <translation>اختير بحسب قيمه: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="248"/>
        <source>Column “{column}” as “{field}”? {reason}.</source>
        <translation>هل يُستخدم العمود «{column}» على أنه «{field}»؟ {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="289"/>
        <source>Checking the file…</source>
        <translation>جارٍ فحص الملف…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="294"/>
        <source>{n} problems: nothing will be imported until they are fixed, or choose to import only the valid rows.</source>
        <translation>عدد المشاكل: {n}. لن يُستورد شيء حتى تُصحَّح، أو اختر استيراد الصفوف السليمة فقط.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="297"/>
        <source>Ready: {created} new, {merged} merged into existing records, {skipped} skipped.</source>
        <translation>جاهز — جديد: {created}، يُدمج في سجلات موجودة: {merged}، يُتخطّى: {skipped}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="303"/>
        <source>Warning: {message}</source>
        <translation>تنبيه: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="321"/>
        <source>{name} (row {row} of the file)</source>
        <translation>{name} (الصف {row} من الملف)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="328"/>
        <source>Create a new record</source>
        <translation>إنشاء سجل جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="329"/>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="330"/>
        <source>Skip</source>
        <translation>تخطي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="340"/>
        <source>Save rejected rows</source>
        <translation>حفظ الصفوف المرفوضة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="345"/>
        <source>Saving the rejected rows…</source>
        <translation>جارٍ حفظ الصفوف المرفوضة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="366"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="373"/>
        <source>Nothing was imported: the rows listed have problems.</source>
        <translation>لم يُستورد شيء: في الصفوف المدرجة مشاكل.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/import_dialog.py" line="379"/>
        <source>Imported: {created} new, {merged} merged, {skipped} skipped, {enrolled} enrolled.</source>
        <translation>تم الاستيراد — جديد: {created}، مدمج: {merged}، متخطّى: {skipped}، مسجَّل في التدريب: {enrolled}.</translation>
    </message>
</context>
<context>
    <name>InitiativeDialog</name>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="719"/>
        <source>Edit initiative</source>
        <translation>تعديل المبادرة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="719"/>
        <source>New initiative</source>
        <translation>مبادرة جديدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="723"/>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="725"/>
        <source>Active</source>
        <translation>ساري</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="725"/>
        <source>Planned</source>
        <translation>مخطط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="726"/>
        <source>Completed</source>
        <translation>مكتمل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="726"/>
        <source>Stopped</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="733"/>
        <source>governorate codes, such as 01, 21</source>
        <translation>رموز المحافظات، مثل 01، 21</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="737"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="738"/>
        <source>Lead organization</source>
        <translation>الجهة القائدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="739"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="740"/>
        <source>Starts</source>
        <translation>تبدأ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="741"/>
        <source>Ends</source>
        <translation>تنتهي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="742"/>
        <source>Goals</source>
        <translation>الأهداف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="743"/>
        <source>Governorates</source>
        <translation>المحافظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="751"/>
        <source>Organization</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="751"/>
        <location filename="../../desktop_app/views/pages/network.py" line="770"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="764"/>
        <source>Tick the partner organizations and write the role of each.</source>
        <translation>علِّم على الجهات الشريكة واكتب دور كل منها.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="766"/>
        <source>Partners</source>
        <translation>الشركاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="770"/>
        <source>Person</source>
        <translation>الشخص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="776"/>
        <source>(organization)</source>
        <translation>(الجهة)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="779"/>
        <source>their role</source>
        <translation>دوره في المبادرة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="782"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="784"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="799"/>
        <source>People involved</source>
        <translation>الأشخاص المشاركون</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="803"/>
        <source>Trainings and meetings</source>
        <translation>التدريبات والاجتماعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="804"/>
        <source>meeting</source>
        <translation>اجتماع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="807"/>
        <source>Agreements are linked from the agreement&apos;s own form.</source>
        <translation>تُربط الاتفاقيات من نموذج الاتفاقية نفسها.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="808"/>
        <source>Linked activities</source>
        <translation>الأنشطة المرتبطة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="815"/>
        <source>(choose an organization first)</source>
        <translation>(اختر الجهة أولًا)</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="104"/>
        <source>Check-in: {training}</source>
        <translation>تسجيل الحضور: {training}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="117"/>
        <source>Your name, mobile number or badge code</source>
        <translation>اسمك أو رقم موبايلك أو رمز بطاقتك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="147"/>
        <source>Staff: Ctrl+Shift+Q leaves the kiosk</source>
        <translation>للمنظمين: Ctrl+Shift+Q للخروج من وضع الاستقبال</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="184"/>
        <source>Leave kiosk mode</source>
        <translation>الخروج من وضع الاستقبال</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="185"/>
        <source>Leave kiosk mode and return to the Check-in screen?</source>
        <translation>هل تريد الخروج من وضع الاستقبال والعودة إلى شاشة تسجيل الحضور؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="313"/>
        <source>Present: {present} of {total}</source>
        <translation>الحاضرون: {present} من {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="325"/>
        <source>Welcome! Please check in</source>
        <translation>أهلًا بك! سجّل حضورك من فضلك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="328"/>
        <source>Type your name or mobile number and press Enter, or scan the code on your badge.</source>
        <translation>اكتب اسمك أو رقم موبايلك واضغط Enter، أو امسح الرمز الموجود على بطاقتك.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="339"/>
        <source>Which one of these are you?</source>
        <translation>مَن منهم أنت؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="342"/>
        <source>More people match: type more of your name.</source>
        <translation>يطابق البحثَ أشخاص آخرون: اكتب المزيد من اسمك.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="344"/>
        <source>Arrows choose, Enter confirms (or touch your name).</source>
        <translation>اختر بالأسهم واضغط Enter للتأكيد (أو المس اسمك).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="375"/>
        <source>✗ Not enrolled in this training</source>
        <translation>✗ غير مسجَّل في هذا التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="377"/>
        <location filename="../../desktop_app/views/kiosk.py" line="382"/>
        <source>Please see the registration desk.</source>
        <translation>من فضلك توجّه إلى مكتب التسجيل.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="380"/>
        <source>✗ This session is not today</source>
        <translation>✗ هذه الجلسة ليست اليوم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="390"/>
        <source>Already checked in at {time}</source>
        <translation>سُجّل الحضور من قبل الساعة {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/kiosk.py" line="393"/>
        <source>✓ Checked in at {time}</source>
        <translation>✓ سُجّل الحضور الساعة {time}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="17"/>
        <source>Association / NGO</source>
        <translation>جمعية / منظمة أهلية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="18"/>
        <source>Independent union</source>
        <translation>نقابة مستقلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="19"/>
        <source>Youth group or initiative</source>
        <translation>مجموعة أو مبادرة شبابية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="20"/>
        <source>Network or coalition</source>
        <translation>شبكة أو تحالف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="21"/>
        <source>University</source>
        <translation>جامعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="22"/>
        <source>Government body</source>
        <translation>جهة حكومية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="23"/>
        <source>Company</source>
        <translation>شركة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="24"/>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="34"/>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="35"/>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="41"/>
        <source>Participant</source>
        <translation>مشارك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="42"/>
        <source>Trainer</source>
        <translation>مدرب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="43"/>
        <source>Organizer</source>
        <translation>منظم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="44"/>
        <source>Guest</source>
        <translation>ضيف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="50"/>
        <source>Registered</source>
        <translation>مسجل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="51"/>
        <source>Confirmed</source>
        <translation>مؤكد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="52"/>
        <source>Withdrawn</source>
        <translation>منسحب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="53"/>
        <source>Planned</source>
        <translation>مخطط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="54"/>
        <source>Running</source>
        <translation>جارٍ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="55"/>
        <source>Completed</source>
        <translation>مكتمل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="56"/>
        <source>Cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="57"/>
        <source>Archived</source>
        <translation>مؤرشف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="59"/>
        <source>Present</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="60"/>
        <source>Late</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="61"/>
        <source>Excused</source>
        <translation>معتذر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="62"/>
        <source>Absent</source>
        <translation>غائب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/labels.py" line="82"/>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="149"/>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="170"/>
        <source>Tashbeek is locked</source>
        <translation>تشبيك مقفل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="170"/>
        <source>Switch user</source>
        <translation>تبديل المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="172"/>
        <source>Sign in with your own account.</source>
        <translation>سجّل الدخول بحسابك.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="173"/>
        <source>Locked after a while without use. Sign in again to go on.</source>
        <translation>قُفلت النافذة بعد مدة دون استخدام. سجّل الدخول من جديد لتكمل.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="80"/>
        <location filename="../../desktop_app/views/main_window.py" line="133"/>
        <source>Tashbeek</source>
        <translation>تشبيك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="90"/>
        <source>Home</source>
        <translation>الرئيسية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="91"/>
        <source>Organizations</source>
        <translation>المنظمات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="92"/>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="93"/>
        <source>Trainings</source>
        <translation>التدريبات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="94"/>
        <source>Check-in</source>
        <translation>تسجيل الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="95"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="96"/>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="97"/>
        <source>Partner network</source>
        <translation>شبكة الشراكات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="98"/>
        <source>Tools</source>
        <translation>أدوات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="99"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="147"/>
        <source>Switch user</source>
        <translation>تبديل المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="148"/>
        <source>Sign out / switch user</source>
        <translation>خروج / تبديل المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="191"/>
        <source>Tashbeek (read-only)</source>
        <translation>تشبيك (للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="231"/>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="488"/>
        <source>not set</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="489"/>
        <source>Database: {path}</source>
        <translation>قاعدة البيانات: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="492"/>
        <source>Signed in: {name}</source>
        <translation>المستخدم: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="494"/>
        <source>Operator: {name}</source>
        <translation>المستخدم: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="496"/>
        <source>Last backup: {when}</source>
        <translation>آخر نسخة احتياطية: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="502"/>
        <source>none yet</source>
        <translation>لا توجد بعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/main_window.py" line="504"/>
        <source>today {time}</source>
        <translation>اليوم {time}</translation>
    </message>
</context>
<context>
    <name>MapTab</name>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="229"/>
        <source>All time</source>
        <translation>كل الفترات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="229"/>
        <source>Last 12 months</source>
        <translation>آخر 12 شهرًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="230"/>
        <source>This year</source>
        <translation>هذا العام</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="237"/>
        <source>All trainings and meetings</source>
        <translation>كل التدريبات والاجتماعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="238"/>
        <source>All initiatives</source>
        <translation>كل المبادرات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="239"/>
        <source>All governorates</source>
        <translation>كل المحافظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="239"/>
        <source>All kinds</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="240"/>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="240"/>
        <source>Training or meeting</source>
        <translation>تدريب أو اجتماع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="241"/>
        <source>Initiative</source>
        <translation>المبادرة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="241"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="242"/>
        <source>Kind of organization</source>
        <translation>نوع الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="250"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="251"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="252"/>
        <source>Fit</source>
        <translation>ملء العرض</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="259"/>
        <source>Save the picture as PNG</source>
        <translation>احفظ الصورة بصيغة PNG</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="262"/>
        <source>Save the network as a PDF page</source>
        <translation>احفظ الشبكة صفحةً بصيغة PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="265"/>
        <source>Print the network (Ctrl+P)</source>
        <translation>طباعة الشبكة (⁦Ctrl+P⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="313"/>
        <source>… and {n} more</source>
        <translation>… و{n} غيرها</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="359"/>
        <source>Drawing the network…</source>
        <translation>جارٍ رسم الشبكة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="371"/>
        <source>training</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="371"/>
        <source>meeting</source>
        <translation>اجتماع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="371"/>
        <source>organized</source>
        <translation>نظّمه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="372"/>
        <source>co-organized</source>
        <translation>شارك في تنظيمه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="372"/>
        <source>agreement</source>
        <translation>اتفاق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="373"/>
        <source>initiative</source>
        <translation>مبادرة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="409"/>
        <source>{name}
{people} people took part · {kind}</source>
        <translation>{name}
عدد المشاركين: {people} · {kind}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="429"/>
        <source>{orgs} organizations, {links} links; {new} new links between {m} organizations</source>
        <translation>الجهات: {orgs}، الصلات: {links}؛ الصلات الجديدة: {new} بين جهات عددها {m}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="432"/>
        <source>The {n} strongest links are drawn.</source>
        <translation>الصلات المرسومة هي الأقوى، وعددها {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="444"/>
        <source>New links ({n})</source>
        <translation>الصلات الجديدة ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="444"/>
        <source>Most connected</source>
        <translation>الأكثر ارتباطًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="445"/>
        <source>Reached once, never since ({n})</source>
        <translation>وصلنا إليها مرة واحدة ولم تعد ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="446"/>
        <source>Quiet for 12 months ({n})</source>
        <translation>خامدة منذ 12 شهرًا ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="461"/>
        <source>Save the network as</source>
        <translation>احفظ الشبكة باسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="462"/>
        <location filename="../../desktop_app/views/pages/network.py" line="484"/>
        <source>Network</source>
        <translation>الشبكة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="477"/>
        <source>Writing the PDF…</source>
        <translation>جارٍ كتابة ملف PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="492"/>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="493"/>
        <source>The picture could not be written to {path}.</source>
        <translation>تعذّرت كتابة الصورة في {path}.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="891"/>
        <source>Edit meeting</source>
        <translation>تعديل الاجتماع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="891"/>
        <source>New meeting</source>
        <translation>اجتماع جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="899"/>
        <source>At set hours</source>
        <translation>في ساعات محددة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="906"/>
        <source>Held online</source>
        <translation>يُعقد عبر الإنترنت</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="908"/>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="912"/>
        <source>(nobody yet)</source>
        <translation>(لا أحد بعد)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="915"/>
        <source>Every month, on the same weekday and week (a series created ahead)</source>
        <translation>كل شهر، في اليوم والأسبوع نفسيهما (سلسلة تُنشأ مسبقًا)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="921"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="922"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="931"/>
        <source>From – to</source>
        <translation>من – إلى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="932"/>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="934"/>
        <source>Organizer</source>
        <translation>الجهة المنظمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="936"/>
        <source>Invite the people of</source>
        <translation>ادعُ المشاركين في</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="938"/>
        <source>Meetings ahead</source>
        <translation>عدد الاجتماعات القادمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="939"/>
        <source>Agenda</source>
        <translation>جدول الأعمال</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="281"/>
        <source>Merge two records</source>
        <translation>دمج سجلين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="285"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="285"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="285"/>
        <source>Gender</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="286"/>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="286"/>
        <source>National ID</source>
        <translation>الرقم القومي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="286"/>
        <source>Mobile</source>
        <translation>الموبايل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="287"/>
        <source>Other phone</source>
        <translation>هاتف آخر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="287"/>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="287"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="288"/>
        <source>Organization</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="288"/>
        <source>Job title</source>
        <translation>الصفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="289"/>
        <source>Agrees to share contact details</source>
        <translation>موافق على مشاركة بيانات التواصل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="289"/>
        <source>Consent date</source>
        <translation>تاريخ الموافقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="290"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="293"/>
        <source>Keep</source>
        <translation>الإبقاء على</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="295"/>
        <source>Stays: {name}</source>
        <translation>يبقى: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="297"/>
        <source>Joins it: {name}</source>
        <translation>يُدمج فيه: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="321"/>
        <source>The first record stays; the second becomes part of it. Enrolments, attendance and certificates of both are kept; where both attended the same session, the better mark is kept.</source>
        <translation>يبقى السجل الأول ويُضم إليه الثاني. تُحفظ تسجيلات الاثنين وحضورهما وشهاداتهما؛ وإن حضرا الجلسة نفسها يُحفظ الوضع الأفضل.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="324"/>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="324"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="335"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="335"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="337"/>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="337"/>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="984"/>
        <source>Minutes: {title}</source>
        <translation>المحضر: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="988"/>
        <source>Turn each decision into an action item</source>
        <translation>حوّل كل قرار إلى بند متابعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="990"/>
        <source>Agenda</source>
        <translation>جدول الأعمال</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="991"/>
        <source>Minutes</source>
        <translation>المحضر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="992"/>
        <source>Decisions (one a line)</source>
        <translation>القرارات (كل قرار في سطر)</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1075"/>
        <source>Partner network</source>
        <translation>شبكة الشراكات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1078"/>
        <source>Show archived</source>
        <translation>عرض المؤرشف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1087"/>
        <source>Map</source>
        <translation>الخريطة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1089"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1109"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1089"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1089"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1101"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1089"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1208"/>
        <source>Signed</source>
        <translation>موقّع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1090"/>
        <source>Until</source>
        <translation>حتى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1090"/>
        <source>Parties</source>
        <translation>الأطراف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1092"/>
        <source>New agreement…</source>
        <translation>اتفاق جديد…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1093"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1105"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1113"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1126"/>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1094"/>
        <source>Attach the signed copy…</source>
        <translation>أرفق النسخة الموقعة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1096"/>
        <source>Open the signed copy</source>
        <translation>افتح النسخة الموقعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1097"/>
        <source>Summary sheet…</source>
        <translation>ورقة الملخص…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1098"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1107"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1118"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1128"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1099"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1106"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1119"/>
        <source>Archive…</source>
        <translation>أرشفة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1100"/>
        <source>Agreements</source>
        <translation>الاتفاقات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1101"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1101"/>
        <source>Lead</source>
        <translation>الجهة القائدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1101"/>
        <source>Starts</source>
        <translation>تبدأ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1102"/>
        <source>Partners</source>
        <translation>الشركاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1104"/>
        <source>New initiative…</source>
        <translation>مبادرة جديدة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1108"/>
        <source>Initiatives</source>
        <translation>المبادرات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1109"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1109"/>
        <location filename="../../desktop_app/views/pages/network.py" line="1121"/>
        <source>State</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1109"/>
        <source>Attended</source>
        <translation>الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1110"/>
        <source>Organizer</source>
        <translation>الجهة المنظمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1110"/>
        <source>Open actions</source>
        <translation>بنود مفتوحة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1112"/>
        <source>New meeting…</source>
        <translation>اجتماع جديد…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1114"/>
        <source>Minutes and decisions…</source>
        <translation>المحضر والقرارات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1115"/>
        <source>Check people in</source>
        <translation>سجّل الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1117"/>
        <source>Print the minutes…</source>
        <translation>اطبع المحضر…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1120"/>
        <source>Meetings</source>
        <translation>الاجتماعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1121"/>
        <source>Due</source>
        <translation>الموعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1121"/>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1121"/>
        <source>Owner</source>
        <translation>المسؤول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1121"/>
        <source>From</source>
        <translation>صادر عن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1122"/>
        <source>Show done and dropped items</source>
        <translation>أظهر البنود المنجزة والملغاة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1125"/>
        <source>New action item…</source>
        <translation>بند متابعة جديد…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1127"/>
        <source>Mark done</source>
        <translation>تم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1129"/>
        <source>Action items</source>
        <translation>بنود المتابعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1154"/>
        <source>More</source>
        <translation>المزيد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1208"/>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1208"/>
        <source>Active</source>
        <translation>ساري</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1209"/>
        <source>Expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1209"/>
        <source>Ended</source>
        <translation>منتهٍ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1209"/>
        <source>Planned</source>
        <translation>مخطط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1210"/>
        <source>Completed</source>
        <translation>مكتمل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1210"/>
        <source>Stopped</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1210"/>
        <source>Open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1211"/>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1211"/>
        <source>Dropped</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1211"/>
        <source>Held</source>
        <translation>عُقد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1212"/>
        <source>Upcoming</source>
        <translation>قادم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1212"/>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1213"/>
        <source>Past, nobody checked in</source>
        <translation>مضى دون تسجيل حضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1214"/>
        <source>Cooperation protocol</source>
        <translation>بروتوكول تعاون</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1214"/>
        <source>Memorandum of understanding</source>
        <translation>مذكرة تفاهم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1215"/>
        <source>Partnership</source>
        <translation>شراكة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1215"/>
        <source>Grant</source>
        <translation>منحة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1217"/>
        <source>archived</source>
        <translation>مؤرشف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1250"/>
        <source>Overdue</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1291"/>
        <source>Bring “{name}” back into the lists?</source>
        <translation>إعادة «{name}» إلى القوائم؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1293"/>
        <source>Archive</source>
        <translation>أرشفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1293"/>
        <source>Bring back</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1318"/>
        <source>Archive the agreement “{name}”? It leaves the lists and Home; nothing is deleted.</source>
        <translation>أتريد أرشفة الاتفاقية «{name}»؟ ستختفي من القوائم ومن الصفحة الرئيسية، ولن يُحذف شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1335"/>
        <source>Archive the initiative “{name}”? It leaves the lists; nothing is deleted.</source>
        <translation>أتريد أرشفة المبادرة «{name}»؟ ستختفي من القوائم، ولن يُحذف شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1352"/>
        <source>Archive the meeting “{name}”? It leaves the lists and Home; its attendance is kept.</source>
        <translation>أتريد أرشفة الاجتماع «{name}»؟ سيختفي من القوائم ومن الصفحة الرئيسية، ويبقى حضوره محفوظًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1378"/>
        <source>The signed copy</source>
        <translation>النسخة الموقعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1379"/>
        <source>PDF or picture (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>ملف PDF أو صورة (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1402"/>
        <source>No signed copy</source>
        <translation>لا توجد نسخة موقعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1402"/>
        <source>No signed copy is attached to this agreement yet.</source>
        <translation>لم تُرفق نسخة موقعة بهذا الاتفاق بعد.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1418"/>
        <source>Agreement</source>
        <translation>اتفاق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1421"/>
        <source>Save as</source>
        <translation>احفظ باسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1427"/>
        <source>Writing the PDF…</source>
        <translation>جارٍ كتابة ملف PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1434"/>
        <source>Export as</source>
        <translation>صدّر باسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1443"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="1483"/>
        <source>Minutes</source>
        <translation>المحضر</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop_app/views/operations.py" line="103"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/operations.py" line="143"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>OrganizationEditor</name>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="50"/>
        <source>Name (Arabic)</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="51"/>
        <source>Name (English)</source>
        <translation>الاسم بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="52"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="53"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="54"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="55"/>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="56"/>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="57"/>
        <source>Website</source>
        <translation>الموقع الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="58"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="59"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="59"/>
        <source>Mobile</source>
        <translation>الموبايل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="59"/>
        <source>Job title</source>
        <translation>الصفة / الوظيفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="60"/>
        <location filename="../../desktop_app/views/pages/organizations.py" line="142"/>
        <source>Training</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="60"/>
        <source>Start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="60"/>
        <location filename="../../desktop_app/views/pages/organizations.py" line="61"/>
        <source>Part</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="61"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="61"/>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="61"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="62"/>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="62"/>
        <source>Trainings</source>
        <translation>التدريبات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="63"/>
        <source>Timeline</source>
        <translation>السجل الزمني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="113"/>
        <source>New organization</source>
        <translation>منظمة جديدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="114"/>
        <source>Fill in at least the Arabic name, then save (Ctrl+S).</source>
        <translation>اكتب الاسم بالعربية على الأقل، ثم احفظ (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="122"/>
        <source>archived</source>
        <translation>مؤرشف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="129"/>
        <location filename="../../desktop_app/views/pages/organizations.py" line="144"/>
        <source>Organizer</source>
        <translation>الجهة المنظمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="130"/>
        <location filename="../../desktop_app/views/pages/organizations.py" line="144"/>
        <source>Co-organizer</source>
        <translation>منظم مشارك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="131"/>
        <source>Sent participants</source>
        <translation>أرسلت مشاركين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="142"/>
        <source>Meeting</source>
        <translation>اجتماع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="142"/>
        <source>Agreement</source>
        <translation>اتفاق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="143"/>
        <source>Initiative</source>
        <translation>مبادرة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="143"/>
        <source>Action item</source>
        <translation>بند متابعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="145"/>
        <source>Took part</source>
        <translation>شاركت</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="145"/>
        <source>Invited</source>
        <translation>مدعوة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="145"/>
        <source>Signed it</source>
        <translation>وقّعت عليه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="146"/>
        <source>Leads it</source>
        <translation>تقودها</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="146"/>
        <source>Partner</source>
        <translation>شريكة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="146"/>
        <source>Responsible</source>
        <translation>مسؤولة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="151"/>
        <source>Overdue</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="151"/>
        <source>Open</source>
        <translation>مفتوح</translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="191"/>
        <source>All kinds</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="193"/>
        <source>All governorates</source>
        <translation>كل المحافظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="201"/>
        <source>Organizations</source>
        <translation>المنظمات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="202"/>
        <source>Search organizations by name…  (Ctrl+F)</source>
        <translation>ابحث في المنظمات بالاسم…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="203"/>
        <source>New organization</source>
        <translation>منظمة جديدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="204"/>
        <source>Choose an organization from the list, or add a new one (Ctrl+N).</source>
        <translation>اختر منظمة من القائمة، أو أضف منظمة جديدة (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="210"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="211"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="213"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/organizations.py" line="215"/>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/organizations.py" line="244"/>
        <source>%n organizations</source>
        <translation>
            <numerusform>لا منظمات</numerusform>
            <numerusform>منظمة واحدة</numerusform>
            <numerusform>منظمتان</numerusform>
            <numerusform>%n منظمات</numerusform>
            <numerusform>%n منظمة</numerusform>
            <numerusform>%n منظمة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackagesTab</name>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="209"/>
        <source>Protect with a passphrase</source>
        <translation>حمايتها بكلمة مرور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="211"/>
        <source>Take to the venue…</source>
        <translation>نقل إلى مكان الانعقاد…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="213"/>
        <source>Import a package…</source>
        <translation>استيراد حزمة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="215"/>
        <source>Open a package as a new database…</source>
        <translation>فتح حزمة كقاعدة بيانات جديدة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="217"/>
        <source>Take a training to a venue laptop</source>
        <translation>نقل تدريب إلى حاسوب مكان الانعقاد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="219"/>
        <source>Writes one file with the training, its sessions, enrolled people, their organizations, attendance so far and what is needed to print badges and certificates. On the laptop, import it (into a new or the laptop&apos;s own database); afterwards the laptop writes a package the same way to bring back.</source>
        <translation>يكتب ملفًا واحدًا فيه التدريب وجلساته والمسجلون وجهاتهم والحضور حتى الآن وما يلزم لطباعة البطاقات والشهادات. على الحاسوب المحمول استورده (في قاعدة بيانات جديدة أو في قاعدته)؛ وبعد ذلك يكتب الحاسوب حزمة بالطريقة نفسها لإعادتها.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="228"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="321"/>
        <source>Import a package</source>
        <translation>استيراد حزمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="230"/>
        <source>Check-ins are merged cell by cell (the later one wins), walk-ins go through the duplicate rules, nothing is deleted, and importing the same package twice changes nothing.</source>
        <translation>يُدمج الحضور خانة بخانة (الأحدث يغلب)، ويمر الحضور غير المسجلين بقواعد التكرار، ولا يُحذف شيء، واستيراد الحزمة نفسها مرتين لا يغير شيئًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="258"/>
        <source>Write the package</source>
        <translation>كتابة الحزمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="259"/>
        <source>Tashbeek packages (*.zip)</source>
        <translation>حزم تشبيك (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="263"/>
        <source>Protect the package</source>
        <translation>حماية الحزمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="273"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="342"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="366"/>
        <location filename="../../desktop_app/views/safety_tabs.py" line="371"/>
        <source>Package</source>
        <translation>حزمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="274"/>
        <source>Written: {people} people, {attendance} attendance marks.</source>
        <translation>كُتبت: عدد الأشخاص {people}، وعلامات الحضور {attendance}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="278"/>
        <source>Writing the package…</source>
        <translation>جارٍ كتابة الحزمة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="306"/>
        <source>Choose a package</source>
        <translation>اختر حزمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="307"/>
        <source>Tashbeek packages (*.zip);;All files (*)</source>
        <translation>حزم تشبيك (*.zip);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="303"/>
        <source>Merging the package…</source>
        <translation>جارٍ دمج الحزمة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="334"/>
        <source>Where to keep the new database</source>
        <translation>مكان حفظ قاعدة البيانات الجديدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="336"/>
        <source>Tashbeek databases (*.sqlite)</source>
        <translation>قواعد بيانات تشبيك (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="342"/>
        <source>Choose a new file name: this file exists already.</source>
        <translation>اختر اسم ملف جديدًا: هذا الملف موجود بالفعل.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="359"/>
        <source>Making the new database…</source>
        <translation>جارٍ إنشاء قاعدة البيانات الجديدة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="366"/>
        <source>Another program is writing to this file.</source>
        <translation>برنامج آخر يكتب في هذا الملف.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="372"/>
        <source>The new database {file} holds the training ({added} records). It opens in a new window.</source>
        <translation>قاعدة البيانات الجديدة {file} تضم التدريب (عدد السجلات {added}). وستُفتح في نافذة جديدة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="383"/>
        <source>{record} — {field}: {message}</source>
        <translation>{record} — {field}: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="390"/>
        <source>… and {n} more: see the details.</source>
        <translation>… و{n} غيرها: انظر التفاصيل.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="393"/>
        <source>Package refused</source>
        <translation>رُفضت الحزمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="406"/>
        <source>{added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflicts.</source>
        <translation>أُضيف {added}، وحُدّث {updated}، وبقي {unchanged} دون تغيير، والتعارضات {conflicts}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="411"/>
        <source>Taken from the package — fields: {fields}, people: {people}, organizations: {orgs}.</source>
        <translation>أُخذ من الحزمة — الحقول: {fields}، الأشخاص: {people}، الجهات: {orgs}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="414"/>
        <source>Conflict: {what}</source>
        <translation>تعارض: {what}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="415"/>
        <source>Check-in code re-issued: {what}</source>
        <translation>أُعيد إصدار رمز التسجيل: {what}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="418"/>
        <source>The values here are kept until you choose, in the Conflicts tab.</source>
        <translation>تبقى القيم الموجودة هنا إلى أن تختار، في تبويب التعارضات.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="419"/>
        <source>Package merged</source>
        <translation>دُمجت الحزمة</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="68"/>
        <source>Name (to sign in)</source>
        <translation>الاسم (لتسجيل الدخول)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="69"/>
        <source>Name shown</source>
        <translation>الاسم الظاهر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="70"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="71"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="72"/>
        <source>The same password again</source>
        <translation>كلمة المرور نفسها مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="78"/>
        <source>At least {n} characters.</source>
        <translation>{n} أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/accounts.py" line="85"/>
        <source>The two passwords differ.</source>
        <translation>كلمتا المرور مختلفتان.</translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <location filename="../../desktop_app/views/paths.py" line="36"/>
        <source>Replace the file?</source>
        <translation>استبدال الملف؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/paths.py" line="37"/>
        <source>{file} already exists. Replace it?</source>
        <translation>الملف {file} موجود من قبل. هل تريد استبداله؟</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="289"/>
        <source>All governorates</source>
        <translation>كل المحافظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="303"/>
        <source>Gender, age, kind of organization, consent, took part in a training</source>
        <translation>النوع والعمر ونوع الجهة والموافقة والمشاركة في تدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="305"/>
        <location filename="../../desktop_app/views/pages/people.py" line="365"/>
        <source>Clear filters</source>
        <translation>مسح التصفية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="307"/>
        <source>Export list…</source>
        <translation>تصدير القائمة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="308"/>
        <source>Save the people listed here as .xlsx, .csv or phone contacts (.vcf)</source>
        <translation>حفظ الأشخاص الظاهرين في القائمة ملفَّ ‎.xlsx أو ‎.csv أو جهاتِ اتصال للهاتف (‎.vcf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="324"/>
        <source>Any gender</source>
        <translation>كلا الجنسين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="334"/>
        <source>Any kind of organization</source>
        <translation>كل أنواع الجهات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="338"/>
        <source>Consent: any</source>
        <translation>الموافقة: الكل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="339"/>
        <source>Agreed to share contacts</source>
        <translation>وافقوا على مشاركة بيانات التواصل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="340"/>
        <source>Did not agree to share contacts</source>
        <translation>لم يوافقوا على مشاركة بيانات التواصل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="342"/>
        <source>Took part: present or late at one session or more</source>
        <translation>شارك: حاضر أو متأخر في جلسة واحدة على الأقل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="356"/>
        <source>Gender</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="357"/>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="358"/>
        <source>Kind of organization</source>
        <translation>نوع الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="359"/>
        <source>Contacts</source>
        <translation>بيانات التواصل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="360"/>
        <source>Took part in</source>
        <translation>شارك في</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="367"/>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="405"/>
        <source>More filters</source>
        <translation>تصفية إضافية</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="405"/>
        <source>More filters (%n)</source>
        <translation>
            <numerusform>تصفية إضافية (%n)</numerusform>
            <numerusform>تصفية إضافية (%n)</numerusform>
            <numerusform>تصفية إضافية (%n)</numerusform>
            <numerusform>تصفية إضافية (%n)</numerusform>
            <numerusform>تصفية إضافية (%n)</numerusform>
            <numerusform>تصفية إضافية (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="409"/>
        <source>Any age</source>
        <translation>كل الأعمار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="409"/>
        <source>Age: {bands}</source>
        <translation>العمر: {bands}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="449"/>
        <location filename="../../desktop_app/views/pages/people.py" line="532"/>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="450"/>
        <source>Search by name, mobile, national ID or email…  (Ctrl+F)</source>
        <translation>ابحث بالاسم أو الموبايل أو الرقم القومي أو البريد…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="451"/>
        <source>New person</source>
        <translation>شخص جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="452"/>
        <source>Choose a person from the list, or add a new one (Ctrl+N).</source>
        <translation>اختر شخصًا من القائمة، أو أضف شخصًا جديدًا (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="458"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="355"/>
        <location filename="../../desktop_app/views/pages/people.py" line="459"/>
        <source>Organization</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="460"/>
        <source>Mobile</source>
        <translation>الموبايل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="354"/>
        <location filename="../../desktop_app/views/pages/people.py" line="462"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="508"/>
        <source>All organizations</source>
        <translation>كل المنظمات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="515"/>
        <source>Any training (took part in…)</source>
        <translation>أي تدريب (شارك في…)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="520"/>
        <source>%n people</source>
        <translation>
            <numerusform>لا أحد</numerusform>
            <numerusform>شخص واحد</numerusform>
            <numerusform>شخصان</numerusform>
            <numerusform>%n أشخاص</numerusform>
            <numerusform>%n شخصًا</numerusform>
            <numerusform>%n شخص</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="530"/>
        <source>Phone contacts, vCard (*.vcf)</source>
        <translation>جهات اتصال للهاتف، vCard (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="532"/>
        <source>Export the list to</source>
        <translation>تصدير القائمة إلى</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="551"/>
        <source>%n contact(s) written to {file}.</source>
        <translation>
            <numerusform>لم تُكتب أي جهة اتصال في {file}.</numerusform>
            <numerusform>كُتبت جهة اتصال واحدة في {file}.</numerusform>
            <numerusform>كُتبت جهتا اتصال في {file}.</numerusform>
            <numerusform>كُتبت %n جهات اتصال في {file}.</numerusform>
            <numerusform>كُتبت %n جهة اتصال في {file}.</numerusform>
            <numerusform>كُتبت %n جهة اتصال في {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="553"/>
        <source>%n left out: no consent to share contacts.</source>
        <translation>
            <numerusform>لم يُستبعد أحد لعدم الموافقة.</numerusform>
            <numerusform>استُبعد شخص واحد: لم يوافق على مشاركة بيانات التواصل.</numerusform>
            <numerusform>استُبعد شخصان: لم يوافقا على مشاركة بيانات التواصل.</numerusform>
            <numerusform>استُبعد %n أشخاص: لم يوافقوا على مشاركة بيانات التواصل.</numerusform>
            <numerusform>استُبعد %n شخصًا: لم يوافقوا على مشاركة بيانات التواصل.</numerusform>
            <numerusform>استُبعد %n شخص: لم يوافقوا على مشاركة بيانات التواصل.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="555"/>
        <source>%n left out: no phone or email.</source>
        <translation>
            <numerusform>لم يُستبعد أحد لغياب الهاتف والبريد.</numerusform>
            <numerusform>استُبعد شخص واحد: لا هاتف له ولا بريد إلكتروني.</numerusform>
            <numerusform>استُبعد شخصان: لا هاتف لهما ولا بريد إلكتروني.</numerusform>
            <numerusform>استُبعد %n أشخاص: لا هاتف لهم ولا بريد إلكتروني.</numerusform>
            <numerusform>استُبعد %n شخصًا: لا هاتف لهم ولا بريد إلكتروني.</numerusform>
            <numerusform>استُبعد %n شخص: لا هاتف لهم ولا بريد إلكتروني.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="557"/>
        <source>%n row(s) written to {file}.</source>
        <translation>
            <numerusform>لم يُكتب أي صف في {file}.</numerusform>
            <numerusform>كُتب صف واحد في {file}.</numerusform>
            <numerusform>كُتب صفان في {file}.</numerusform>
            <numerusform>كُتبت %n صفوف في {file}.</numerusform>
            <numerusform>كُتب %n صفًا في {file}.</numerusform>
            <numerusform>كُتب %n صف في {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="559"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="562"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="28"/>
        <source>All time</source>
        <translation>كل الفترات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="29"/>
        <source>Month</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="29"/>
        <source>Quarter</source>
        <translation>ربع سنة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="29"/>
        <source>Year</source>
        <translation>سنة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="30"/>
        <source>From … to …</source>
        <translation>من … إلى …</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="41"/>
        <source>First quarter</source>
        <translation>الربع الأول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="41"/>
        <source>Second quarter</source>
        <translation>الربع الثاني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="41"/>
        <source>Third quarter</source>
        <translation>الربع الثالث</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="41"/>
        <source>Fourth quarter</source>
        <translation>الربع الرابع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="50"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="53"/>
        <source>Previous period</source>
        <translation>الفترة السابقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/period.py" line="56"/>
        <source>Next period</source>
        <translation>الفترة التالية</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="74"/>
        <source>14 digits</source>
        <translation>14 رقمًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="88"/>
        <source>Agrees to share them with other participants</source>
        <translation>يوافق على مشاركتها مع المشاركين الآخرين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="94"/>
        <source>Full name (Arabic)</source>
        <translation>الاسم الكامل بالعربية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="95"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="96"/>
        <source>National ID</source>
        <translation>الرقم القومي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="97"/>
        <source>Gender</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="98"/>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="99"/>
        <source>Mobile</source>
        <translation>الموبايل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="100"/>
        <source>Other phone</source>
        <translation>هاتف آخر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="101"/>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="102"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="103"/>
        <source>Organization</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="104"/>
        <source>Job title</source>
        <translation>الصفة / الوظيفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="105"/>
        <source>Contact details</source>
        <translation>بيانات التواصل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="106"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="110"/>
        <location filename="../../desktop_app/views/pages/people.py" line="113"/>
        <source>Training</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="110"/>
        <source>Dates</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="110"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="110"/>
        <source>Attendance</source>
        <translation>الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="113"/>
        <source>Serial</source>
        <translation>الرقم المسلسل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="113"/>
        <source>Issued</source>
        <translation>تاريخ الإصدار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="113"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="117"/>
        <source>Trainings and attendance</source>
        <translation>التدريبات والحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="118"/>
        <source>Certificates</source>
        <translation>الشهادات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="206"/>
        <source>New person</source>
        <translation>شخص جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="207"/>
        <source>Fill in at least the full name, then save (Ctrl+S).</source>
        <translation>اكتب الاسم الكامل على الأقل، ثم احفظ (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="214"/>
        <source>archived</source>
        <translation>مؤرشف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="223"/>
        <source>{attended} of {sessions} sessions</source>
        <translation>{attended} من {sessions} جلسات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="231"/>
        <source>Revoked</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/people.py" line="231"/>
        <source>Valid</source>
        <translation>سارية</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop_app/views/widgets/printing.py" line="109"/>
        <source>The printer could not be started.</source>
        <translation>تعذّر تشغيل الطابعة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/printing.py" line="143"/>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/printing.py" line="144"/>
        <source>There is nothing to print: the document has no pages.</source>
        <translation>لا يوجد ما يُطبع: المستند بلا صفحات.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/printing.py" line="152"/>
        <source>No printer</source>
        <translation>لا توجد طابعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/printing.py" line="153"/>
        <source>No printer is installed on this computer. You can still print to a PDF file, and print that file elsewhere.</source>
        <translation>لا توجد طابعة مثبّتة على هذا الحاسوب. يمكنك الطباعة إلى ملف PDF، ثم طباعة هذا الملف من جهاز آخر.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/printing.py" line="163"/>
        <source>Printing to a PDF file…</source>
        <translation>جارٍ الطباعة إلى ملف PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/printing.py" line="176"/>
        <source>Printing…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/printing.py" line="177"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/printing.py" line="202"/>
        <source>Preparing the document…</source>
        <translation>جارٍ إعداد المستند…</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="706"/>
        <source>Project</source>
        <translation>المشروع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="706"/>
        <location filename="../../desktop_app/views/pages/statistics.py" line="738"/>
        <source>Donor</source>
        <translation>الجهة المانحة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="713"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="715"/>
        <source>No projects yet. A project is a grant: fill in its name, donor and trainings here and save it, then set its targets.</source>
        <translation>لا توجد مشروعات بعد. المشروع منحة: اكتب اسمه والجهة المانحة واختر تدريباته هنا ثم احفظه، وبعدها حدد مستهدفاته.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="736"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="737"/>
        <source>Name in English</source>
        <translation>الاسم بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="739"/>
        <source>Grant reference</source>
        <translation>الرقم المرجعي للمنحة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="744"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="746"/>
        <source>Dates</source>
        <translation>المدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="749"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="751"/>
        <source>Trainings of this project</source>
        <translation>تدريبات هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="756"/>
        <source>Save the project</source>
        <translation>حفظ المشروع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="767"/>
        <source>Indicator</source>
        <translation>المؤشر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="767"/>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="767"/>
        <source>Baseline</source>
        <translation>خط الأساس</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="767"/>
        <source>Target</source>
        <translation>المستهدف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="767"/>
        <source>Actual</source>
        <translation>المتحقق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="768"/>
        <source>% reached</source>
        <translation>نسبة التحقق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="778"/>
        <source>Add or change a target…</source>
        <translation>إضافة مستهدف أو تعديله…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="780"/>
        <source>Remove the target</source>
        <translation>حذف المستهدف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="791"/>
        <source>Targets</source>
        <translation>المستهدفات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="792"/>
        <source>Project details</source>
        <translation>بيانات المشروع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="876"/>
        <source>Counting…</source>
        <translation>جارٍ العدّ…</translation>
    </message>
</context>
<context>
    <name>QuickSearch</name>
    <message>
        <location filename="../../desktop_app/views/quick_search.py" line="39"/>
        <source>Quick search for people, organizations and trainings…  Ctrl+K</source>
        <translation>بحث سريع في الأشخاص والمنظمات والتدريبات…  Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/quick_search.py" line="74"/>
        <source>Nothing found</source>
        <translation>لا توجد نتائج</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="66"/>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="245"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="68"/>
        <source>Save (Ctrl+S)</source>
        <translation>حفظ (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="69"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="70"/>
        <source>Undo unsaved changes (Esc)</source>
        <translation>تراجع عن التغييرات غير المحفوظة (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="71"/>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="186"/>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="224"/>
        <source>Archive</source>
        <translation>أرشفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="89"/>
        <source>Details</source>
        <translation>البيانات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="147"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="147"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="186"/>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="203"/>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="206"/>
        <source>Cannot save</source>
        <translation>تعذّر الحفظ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="225"/>
        <source>Archive this record? It disappears from lists and searches but nothing is deleted; you can restore it later.</source>
        <translation>أرشفة هذا السجل؟ سيختفي من القوائم ونتائج البحث دون حذف أي شيء، ويمكنك استعادته لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="243"/>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="244"/>
        <source>You have changes that are not saved yet.</source>
        <translation>لديك تغييرات لم تُحفظ بعد.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="246"/>
        <source>Discard</source>
        <translation>تجاهل التغييرات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="247"/>
        <source>Stay here</source>
        <translation>ابقَ هنا</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../../desktop_app/views/pages/registry_base.py" line="277"/>
        <source>Show archived</source>
        <translation>عرض المؤرشف</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="51"/>
        <source>Passphrase:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="63"/>
        <source>The two passphrases differ.</source>
        <translation>كلمتا المرور مختلفتان.</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="225"/>
        <source>Edit session</source>
        <translation>تعديل الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="225"/>
        <source>New session</source>
        <translation>جلسة جديدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="233"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="234"/>
        <source>Starts</source>
        <translation>تبدأ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="235"/>
        <source>Ends</source>
        <translation>تنتهي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="236"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="60"/>
        <source>Your name, written into every change you make</source>
        <translation>اسمك، يُسجَّل مع كل تغيير تجريه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="62"/>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="68"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="69"/>
        <source>Operator name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="70"/>
        <location filename="../../desktop_app/views/pages/settings.py" line="201"/>
        <source>Backup folder</source>
        <translation>مجلد النسخ الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="71"/>
        <source>Save this computer&apos;s settings</source>
        <translation>احفظ إعدادات هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="74"/>
        <source>This computer</source>
        <translation>هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="78"/>
        <source>A new language applies the next time Tashbeek starts.</source>
        <translation>تُطبَّق اللغة الجديدة عند تشغيل تشبيك في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="89"/>
        <source>Choose logo…</source>
        <translation>اختر الشعار…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="91"/>
        <source>Remove logo</source>
        <translation>احذف الشعار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="98"/>
        <source>Western digits (0123)</source>
        <translation>أرقام غربية (0123)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="99"/>
        <source>Arabic-Indic digits (٠١٢٣)</source>
        <translation>أرقام عربية مشرقية (٠١٢٣)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="111"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="111"/>
        <source>Title</source>
        <translation>الصفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="111"/>
        <location filename="../../desktop_app/views/pages/settings.py" line="264"/>
        <source>Signature</source>
        <translation>التوقيع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="115"/>
        <source>Add signatory</source>
        <translation>أضف موقِّعًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="117"/>
        <source>Signature image…</source>
        <translation>صورة التوقيع…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="119"/>
        <source>Remove signatory</source>
        <translation>احذف الموقِّع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="126"/>
        <source>Name (Arabic)</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="127"/>
        <source>Name (English)</source>
        <translation>الاسم بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="128"/>
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="129"/>
        <source>Digits in documents</source>
        <translation>الأرقام في المستندات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="130"/>
        <source>Certificate serial prefix</source>
        <translation>بادئة الرقم المسلسل للشهادات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="131"/>
        <source>Save the organization&apos;s settings</source>
        <translation>احفظ إعدادات المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="134"/>
        <source>The organization (shared by everyone using this database)</source>
        <translation>المؤسسة (مشتركة لكل من يستخدم قاعدة البيانات هذه)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="137"/>
        <source>Certificate signatories (at most three)</source>
        <translation>الموقِّعون على الشهادات (ثلاثة على الأكثر)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="147"/>
        <location filename="../../desktop_app/views/pages/settings.py" line="220"/>
        <location filename="../../desktop_app/views/pages/settings.py" line="310"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="220"/>
        <source>This computer&apos;s settings were saved.</source>
        <translation>حُفظت إعدادات هذا الجهاز.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="231"/>
        <source>No logo</source>
        <translation>لا يوجد شعار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="235"/>
        <source>Choose an image</source>
        <translation>اختر صورة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="255"/>
        <location filename="../../desktop_app/views/pages/settings.py" line="272"/>
        <source>Added</source>
        <translation>مضافة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="255"/>
        <source>None</source>
        <translation>لا توجد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="264"/>
        <source>Choose a signatory in the table first.</source>
        <translation>اختر موقِّعًا من الجدول أولًا.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="304"/>
        <source>Cannot save</source>
        <translation>تعذّر الحفظ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/settings.py" line="310"/>
        <source>The organization&apos;s settings were saved.</source>
        <translation>حُفظت إعدادات المؤسسة.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="118"/>
        <source>Sign in to Tashbeek</source>
        <translation>تسجيل الدخول إلى تشبيك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="123"/>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="124"/>
        <source>Database: {path}</source>
        <translation>قاعدة البيانات: {path}</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="53"/>
        <source>Sign in</source>
        <translation>دخول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="60"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="61"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="79"/>
        <source>Write your name and your password.</source>
        <translation>اكتب اسمك وكلمة المرور.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/sign_in.py" line="88"/>
        <source>The name or the password is not right. Too many tries: wait {n} seconds.</source>
        <translation>الاسم أو كلمة المرور غير صحيحة. محاولات كثيرة: انتظر {n} ثانية.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="20"/>
        <source>Database in use</source>
        <translation>قاعدة البيانات قيد الاستخدام</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="21"/>
        <source>on {machine} since {since}</source>
        <translation>على {machine} منذ {since}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="23"/>
        <source>This database is already open for writing {who}. Two programs writing to one file can lose data.</source>
        <translation>قاعدة البيانات هذه مفتوحة للكتابة {who}. كتابة برنامجين في ملف واحد قد تضيّع البيانات.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="26"/>
        <source>You can open it to look (read-only), or quit.</source>
        <translation>يمكنك فتحها للاطلاع (للقراءة فقط)، أو الخروج.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="29"/>
        <source>Open read-only</source>
        <translation>فتح للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="31"/>
        <location filename="../../desktop_app/views/startup.py" line="71"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="39"/>
        <source>Database on a network share</source>
        <translation>قاعدة البيانات على مجلد مشترك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="40"/>
        <source>{path} is on a network share. SQLite&apos;s locking is not safe there and data can be lost when two computers use it. Keep the file on this computer, or move the office to a PostgreSQL server.</source>
        <translation>{path} على مجلد مشترك في الشبكة. قفل SQLite غير آمن هناك وقد تضيع بيانات إذا استخدمه حاسوبان. أبقِ الملف على هذا الحاسوب، أو انقل المكتب إلى خادم PostgreSQL.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="53"/>
        <source>The database cannot be used</source>
        <translation>لا يمكن استخدام قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="57"/>
        <source>The latest good backup is {file}. Restoring it keeps a copy of the damaged file.</source>
        <translation>أحدث نسخة احتياطية سليمة هي {file}. استعادتها تحفظ نسخة من الملف التالف.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="61"/>
        <source>Restore the latest backup</source>
        <translation>استعادة أحدث نسخة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="66"/>
        <source>No good backup was found in the backup folder.</source>
        <translation>لم توجد نسخة احتياطية سليمة في مجلد النسخ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="69"/>
        <source>Open another file…</source>
        <translation>فتح ملف آخر…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="78"/>
        <source>Open a database</source>
        <translation>فتح قاعدة بيانات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/startup.py" line="79"/>
        <source>Tashbeek databases (*.sqlite);;All files (*)</source>
        <translation>قواعد بيانات تشبيك (*.sqlite);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="167"/>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="179"/>
        <source>Donor report</source>
        <translation>تقرير المانحين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="182"/>
        <source>PDF for the donor…</source>
        <translation>ملف PDF للجهة المانحة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="184"/>
        <source>Excel workbook (.xlsx)…</source>
        <translation>مصنف Excel ‏(.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="187"/>
        <source>CSV for other tools…</source>
        <translation>ملف CSV لبرامج أخرى…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="190"/>
        <source>Print the report… (Ctrl+P)</source>
        <translation>طباعة التقرير… (⁦Ctrl+P⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="197"/>
        <source>Figures</source>
        <translation>المؤشرات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="200"/>
        <source>Projects and targets</source>
        <translation>المشروعات والمستهدفات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="216"/>
        <location filename="../../desktop_app/views/pages/statistics.py" line="356"/>
        <location filename="../../desktop_app/views/pages/statistics.py" line="369"/>
        <source>All trainings</source>
        <translation>كل التدريبات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="225"/>
        <source>Clear filters</source>
        <translation>مسح التصفية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="227"/>
        <source>Age bands…</source>
        <translation>الفئات العمرية…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="228"/>
        <source>The ages where the age bands start, for every report</source>
        <translation>الأعمار التي تبدأ عندها الفئات العمرية، لكل التقارير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="243"/>
        <source>No one attended a session in this period yet. Check people in at a training, or choose another period.</source>
        <translation>لم يحضر أحد أي جلسة في هذه الفترة بعد. سجّل الحضور في تدريب، أو اختر فترة أخرى.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="270"/>
        <source>Disaggregation</source>
        <translation>التصنيف التفصيلي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="287"/>
        <source>Double-click (or Enter on) a number to see the people behind it.</source>
        <translation>انقر نقرًا مزدوجًا على رقم (أو اضغط Enter) لترى الأشخاص وراءه.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="289"/>
        <source>Counting rules</source>
        <translation>قواعد العد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="308"/>
        <source>By gender</source>
        <translation>حسب النوع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="308"/>
        <source>By age band</source>
        <translation>حسب الفئة العمرية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="309"/>
        <source>By governorate</source>
        <translation>حسب المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="309"/>
        <source>By organization kind</source>
        <translation>حسب نوع الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="310"/>
        <source>By role</source>
        <translation>حسب الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="310"/>
        <source>By training</source>
        <translation>حسب التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="311"/>
        <source>People per organization</source>
        <translation>الأشخاص في كل جهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="320"/>
        <source>All projects</source>
        <translation>كل المشروعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="323"/>
        <source>Any organizer</source>
        <translation>أي جهة منظمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="326"/>
        <source>All governorates</source>
        <translation>كل المحافظات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="330"/>
        <source>All organization kinds</source>
        <translation>كل أنواع الجهات</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/statistics.py" line="369"/>
        <source>%n training(s)</source>
        <translation>
            <numerusform>لا تدريبات</numerusform>
            <numerusform>تدريب واحد</numerusform>
            <numerusform>تدريبان</numerusform>
            <numerusform>%n تدريبات</numerusform>
            <numerusform>%n تدريبًا</numerusform>
            <numerusform>%n تدريب</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="382"/>
        <source>Age bands</source>
        <translation>الفئات العمرية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="383"/>
        <source>Ages where a new band starts, separated by commas (for example 15, 25, 35):</source>
        <translation>الأعمار التي تبدأ عندها فئة جديدة، تفصل بينها فواصل (مثل 15، 25، 35):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="393"/>
        <source>Age bands are up to ten increasing ages from 1 to 120, such as 18, 25, 35, 50.</source>
        <translation>الفئات العمرية أعمار متزايدة بين 1 و120، عشرة على الأكثر، مثل 18، 25، 35، 50.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="439"/>
        <source>Counting…</source>
        <translation>جارٍ العدّ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="534"/>
        <source>Finding the people…</source>
        <translation>جارٍ البحث عن الأشخاص…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="545"/>
        <source>Save the donor report as</source>
        <translation>حفظ تقرير المانحين باسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="574"/>
        <source>Saved: {file} — open</source>
        <translation>حُفظ: {file} — فتح</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="577"/>
        <source>Writing the report…</source>
        <translation>جارٍ كتابة التقرير…</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="971"/>
        <location filename="../../desktop_app/views/pages/statistics.py" line="986"/>
        <source>Target</source>
        <translation>المستهدف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="982"/>
        <source>a number, or a share such as 80%</source>
        <translation>رقم، أو نسبة مثل 80%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="983"/>
        <source>Indicator</source>
        <translation>المؤشر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="984"/>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="985"/>
        <source>Baseline</source>
        <translation>خط الأساس</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="999"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="999"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="1006"/>
        <source>Choose the period of the target.</source>
        <translation>اختر فترة المستهدف.</translation>
    </message>
</context>
<context>
    <name>TemplateDesigner</name>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="304"/>
        <source>Template designer</source>
        <translation>مصمم القوالب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="366"/>
        <location filename="../../desktop_app/views/template_designer.py" line="830"/>
        <source>Before printing</source>
        <translation>قبل الطباعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="387"/>
        <source>Certificates</source>
        <translation>الشهادات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="388"/>
        <source>Badges</source>
        <translation>البطاقات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="396"/>
        <source>New from this template</source>
        <translation>قالب جديد من هذا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="397"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1268"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="398"/>
        <source>Use for this training</source>
        <translation>استخدامه لهذا التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="400"/>
        <location filename="../../desktop_app/views/template_designer.py" line="404"/>
        <source>Make default</source>
        <translation>جعله الافتراضي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="401"/>
        <source>Trainings that chose no template print with this one</source>
        <translation>التدريبات التي لم تختر قالبًا تُطبع بهذا القالب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="407"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1125"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="414"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="417"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="425"/>
        <location filename="../../desktop_app/views/template_designer.py" line="442"/>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="426"/>
        <location filename="../../desktop_app/views/template_designer.py" line="443"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1143"/>
        <source>Paste</source>
        <translation>لصق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="434"/>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="444"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1152"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1159"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="445"/>
        <source>Forward</source>
        <translation>إلى الأمام</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="446"/>
        <source>Draw it above the next element</source>
        <translation>ارسمه فوق العنصر التالي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="447"/>
        <source>Backward</source>
        <translation>إلى الخلف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="448"/>
        <source>Draw it under the previous element</source>
        <translation>ارسمه تحت العنصر السابق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="451"/>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="451"/>
        <source>Print the preview (Ctrl+P)</source>
        <translation>طباعة المعاينة (⁦Ctrl+P⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="462"/>
        <source>Longest name</source>
        <translation>أطول اسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="464"/>
        <source>Hostile sample</source>
        <translation>عينة صعبة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="465"/>
        <source>A long name, a Latin organization, three signatories</source>
        <translation>اسم طويل، وجهة باسم لاتيني، وثلاثة موقّعين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="469"/>
        <source>Preview with</source>
        <translation>المعاينة باسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="480"/>
        <location filename="../../desktop_app/views/template_designer.py" line="521"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1093"/>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="481"/>
        <source>Organization&apos;s logo</source>
        <translation>شعار المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="482"/>
        <source>Co-organizer&apos;s logo</source>
        <translation>شعار جهة شريكة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="483"/>
        <source>Picture…</source>
        <translation>صورة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="484"/>
        <source>QR code</source>
        <translation>رمز QR</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="485"/>
        <source>Serial and date</source>
        <translation>الرقم والتاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="486"/>
        <source>Signatures</source>
        <translation>التوقيعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="487"/>
        <source>Line</source>
        <translation>خط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="488"/>
        <source>Frame</source>
        <translation>إطار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="494"/>
        <source>Element</source>
        <translation>العنصر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="495"/>
        <location filename="../../desktop_app/views/template_designer.py" line="862"/>
        <source>Choose an element on the page.</source>
        <translation>اختر عنصرًا في الصفحة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="499"/>
        <source>From the left (mm)</source>
        <translation>من اليسار (مم)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="499"/>
        <source>From the top (mm)</source>
        <translation>من الأعلى (مم)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="500"/>
        <source>Width (mm)</source>
        <translation>العرض (مم)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="500"/>
        <source>Height (mm)</source>
        <translation>الارتفاع (مم)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="513"/>
        <source>Name in the designer</source>
        <translation>اسمه في المصمم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="523"/>
        <source>Insert a field…</source>
        <translation>إدراج حقل…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="534"/>
        <source>Size (pt)</source>
        <translation>الحجم (نقطة)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="541"/>
        <source>Smallest size (pt)</source>
        <translation>أصغر حجم (نقطة)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="542"/>
        <source>Bold</source>
        <translation>عريض</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="546"/>
        <source>Start of the line</source>
        <translation>بداية السطر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="546"/>
        <source>Centre</source>
        <translation>الوسط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="547"/>
        <source>End of the line</source>
        <translation>نهاية السطر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="550"/>
        <source>Alignment</source>
        <translation>المحاذاة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="552"/>
        <source>One line, shrunk to fit</source>
        <translation>سطر واحد يصغر ليتسع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="553"/>
        <source>Wrapped into the box</source>
        <translation>أسطر داخل المربع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="555"/>
        <source>Fitting</source>
        <translation>الملاءمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="557"/>
        <source>Sans (Noto Sans Arabic)</source>
        <translation>بلا زوائد (Noto Sans Arabic)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="558"/>
        <source>Serif (Amiri)</source>
        <translation>نسخي (أميري)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="559"/>
        <source>Font</source>
        <translation>الخط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="560"/>
        <source>Top</source>
        <translation>أعلى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="560"/>
        <source>Middle</source>
        <translation>الوسط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="561"/>
        <source>Bottom</source>
        <translation>أسفل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="562"/>
        <source>Vertical alignment</source>
        <translation>المحاذاة الرأسية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="564"/>
        <source>From its first letter</source>
        <translation>حسب أول حرف فيه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="564"/>
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="565"/>
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="566"/>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="574"/>
        <source>Line height (× size)</source>
        <translation>ارتفاع السطر (× الحجم)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="580"/>
        <source>Most lines</source>
        <translation>أقصى عدد من الأسطر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="582"/>
        <source>Refuse to print (named in the warnings)</source>
        <translation>رفض الطباعة (مع ذكره في التنبيهات)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="583"/>
        <source>Cut with “…”</source>
        <translation>قصّه مع «…»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="584"/>
        <source>Text that does not fit</source>
        <translation>النص الذي لا يتسع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="588"/>
        <source>Signatories (1–3)</source>
        <translation>الموقّعون (1–3)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="593"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="597"/>
        <source>Co-organizer (1–3)</source>
        <translation>الجهة الشريكة (1–3)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="598"/>
        <source>Choose a picture…</source>
        <translation>اختيار صورة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="601"/>
        <source>Page background (image or PDF)…</source>
        <translation>خلفية الصفحة (صورة أو PDF)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="645"/>
        <source>built-in</source>
        <translation>مدمج</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="674"/>
        <source>A built-in template is saved as a new one</source>
        <translation>القالب المدمج يُحفظ قالبًا جديدًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="694"/>
        <source>Sample person</source>
        <translation>شخص للمعاينة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="823"/>
        <source>Preview: {ms} ms</source>
        <translation>المعاينة: {ms} مللي ثانية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="830"/>
        <source>Before printing: nothing to fix.</source>
        <translation>قبل الطباعة: لا شيء يحتاج إلى إصلاح.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1015"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1026"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1072"/>
        <source>Move</source>
        <translation>تحريك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1043"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1195"/>
        <source>Change</source>
        <translation>تغيير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1063"/>
        <source>A colour is written like #1f5f5b.</source>
        <translation>يُكتب اللون هكذا: ‎#1f5f5b.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1153"/>
        <source>Delete {element} from the template?</source>
        <translation>حذف {element} من القالب؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1172"/>
        <source>Drawing order</source>
        <translation>ترتيب الرسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1176"/>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>صور (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1176"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1177"/>
        <source>Choose a picture</source>
        <translation>اختيار صورة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1209"/>
        <source>Background</source>
        <translation>الخلفية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1220"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1246"/>
        <source>New template</source>
        <translation>قالب جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1220"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1246"/>
        <source>Name of the new template:</source>
        <translation>اسم القالب الجديد:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1221"/>
        <location filename="../../desktop_app/views/template_designer.py" line="1247"/>
        <source>{name} (mine)</source>
        <translation>{name} (خاص بنا)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1240"/>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1268"/>
        <source>Save the changes to the template first?</source>
        <translation>حفظ تغييرات القالب أولًا؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1288"/>
        <source>This training now prints with this template.</source>
        <translation>يُطبع هذا التدريب الآن بهذا القالب.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1301"/>
        <source>Trainings that chose no template now print with this one.</source>
        <translation>التدريبات التي لم تختر قالبًا تُطبع الآن بهذا القالب.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1306"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/template_designer.py" line="1306"/>
        <source>Close without saving the changes?</source>
        <translation>الإغلاق دون حفظ التغييرات؟</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../desktop_app/views/pages/statistics.py" line="142"/>
        <source>Show the people behind this figure</source>
        <translation>اعرض الأشخاص وراء هذا الرقم</translation>
    </message>
</context>
<context>
    <name>ToolsPage</name>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="81"/>
        <source>Tools</source>
        <translation>أدوات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="64"/>
        <source>Import and export</source>
        <translation>استيراد وتصدير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="66"/>
        <source>Duplicates</source>
        <translation>التكرارات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="70"/>
        <source>Backups</source>
        <translation>النسخ الاحتياطي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="73"/>
        <location filename="../../desktop_app/views/pages/tools.py" line="103"/>
        <source>Conflicts</source>
        <translation>تعارضات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="75"/>
        <source>Audit log</source>
        <translation>سجل التغييرات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="103"/>
        <source>Conflicts ({n})</source>
        <translation>تعارضات ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="116"/>
        <source>Import from Excel or CSV</source>
        <translation>استيراد من Excel أو CSV</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="118"/>
        <source>Registration-form downloads and partners&apos; lists: columns are recognised from their Arabic or English headers, every row is checked like the forms check it, and nothing is written while any row has a problem.</source>
        <translation>ملفات استمارات التسجيل وقوائم الشركاء: تُعرف الأعمدة من عناوينها العربية أو الإنجليزية، ويُفحص كل صف كما تفحصه النماذج، ولا يُكتب شيء ما دام في أي صف مشكلة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="123"/>
        <source>Import people…</source>
        <translation>استيراد أشخاص…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="124"/>
        <source>Import organizations…</source>
        <translation>استيراد جهات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="131"/>
        <location filename="../../desktop_app/views/pages/tools.py" line="202"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="133"/>
        <source>Excel (.xlsx) or CSV, as you name the file: right-to-left sheets, one row per person.</source>
        <translation>Excel ‏(.xlsx) أو CSV حسب اسم الملف: أوراق من اليمين إلى اليسار، بسطر لكل شخص.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="135"/>
        <source>People…</source>
        <translation>الأشخاص…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="135"/>
        <source>Organizations…</source>
        <translation>الجهات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="142"/>
        <source>Attendance of the training…</source>
        <translation>حضور التدريب…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/tools.py" line="202"/>
        <source>%n row(s) written to {file}.</source>
        <translation>
            <numerusform>لم يُكتب أي صف في {file}.</numerusform>
            <numerusform>كُتب صف واحد في {file}.</numerusform>
            <numerusform>كُتب صفان في {file}.</numerusform>
            <numerusform>كُتبت %n صفوف في {file}.</numerusform>
            <numerusform>كُتب %n صفًا في {file}.</numerusform>
            <numerusform>كُتب %n صف في {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="206"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="71"/>
        <source>Venue packages</source>
        <translation>حزم مكان الانعقاد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="159"/>
        <source>Choose the file to import</source>
        <translation>اختر الملف المراد استيراده</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="160"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>جداول بيانات (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="173"/>
        <source>Reading {file}…</source>
        <translation>جارٍ قراءة {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="178"/>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="178"/>
        <source>Organizations</source>
        <translation>الجهات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="179"/>
        <source>Attendance</source>
        <translation>الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/tools.py" line="183"/>
        <source>Export to</source>
        <translation>تصدير إلى</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="99"/>
        <source>Edit training</source>
        <translation>تعديل التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="99"/>
        <source>New training</source>
        <translation>تدريب جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="132"/>
        <source>Mark arrivals after this time as late</source>
        <translation>احسب الحضور بعد هذا الوقت متأخرًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="138"/>
        <source>Optional: one name per line, in group order</source>
        <translation>اختياري: اسم في كل سطر، بترتيب المجموعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="142"/>
        <source>Title (Arabic)</source>
        <translation>العنوان بالعربية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="143"/>
        <source>Title (English)</source>
        <translation>العنوان بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="144"/>
        <source>Organizer</source>
        <translation>الجهة المنظمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="145"/>
        <source>Co-organizers</source>
        <translation>الجهات المشاركة في التنظيم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="146"/>
        <source>Venue</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="147"/>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="148"/>
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="149"/>
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="150"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="151"/>
        <source>Sessions needed for a certificate</source>
        <translation>نسبة الجلسات اللازمة للشهادة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="152"/>
        <source>Late after</source>
        <translation>التأخير بعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="154"/>
        <source>Working groups</source>
        <translation>مجموعات العمل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="155"/>
        <source>Group names</source>
        <translation>أسماء المجموعات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="156"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
</context>
<context>
    <name>TrainingsPage</name>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="66"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="66"/>
        <source>Dates</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="66"/>
        <source>Venue</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="66"/>
        <location filename="../../desktop_app/views/pages/trainings.py" line="347"/>
        <location filename="../../desktop_app/views/pages/trainings.py" line="358"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="66"/>
        <source>Enrolled</source>
        <translation>المسجلون</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="80"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="80"/>
        <source>Session</source>
        <translation>الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="80"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="84"/>
        <source>No trainings yet. Load the demo data from Home, or import a venue package.</source>
        <translation>لا توجد تدريبات بعد. حمّل البيانات التجريبية من الرئيسية، أو استورد حزمة من مكان التدريب.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="92"/>
        <source>Assign working groups…</source>
        <translation>وزّع مجموعات العمل…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="98"/>
        <source>Sessions</source>
        <translation>الجلسات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="125"/>
        <source>Space or double-click changes a cell; 1 present, 2 late, 3 excused, 0 absent; right-click a session&apos;s heading to mark everyone shown.</source>
        <translation>المسافة أو النقر المزدوج يغيّر الخانة؛ 1 حاضر، 2 متأخر، 3 معتذر، 0 غائب؛ وانقر بالزر الأيمن على عنوان الجلسة لتحديد الجميع.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="127"/>
        <source>Working group</source>
        <translation>مجموعة العمل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="135"/>
        <source>Everyone shown present in this session</source>
        <translation>حضور كل المعروضين في هذه الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="137"/>
        <source>Marks the session of the selected cell for everyone listed.</source>
        <translation>يسجّل حضور كل من في القائمة في جلسة الخانة المحددة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="144"/>
        <source>Overview and sessions</source>
        <translation>نظرة عامة والجلسات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="145"/>
        <location filename="../../desktop_app/views/pages/trainings.py" line="435"/>
        <source>Attendance</source>
        <translation>الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="160"/>
        <source>All trainings</source>
        <translation>كل التدريبات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="161"/>
        <source>Upcoming</source>
        <translation>القادمة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="162"/>
        <source>Running now</source>
        <translation>الجارية الآن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="163"/>
        <source>Past</source>
        <translation>السابقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="233"/>
        <source>This programme created {n} new links between {m} organizations.</source>
        <translation>أنشأ هذا البرنامج صلات جديدة عددها {n} بين جهات عددها {m}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="304"/>
        <source>This session has attendance. It will be cancelled instead: kept with its attendance, hidden from lists and certificates, and recorded in the audit log. Continue?</source>
        <translation>في هذه الجلسة حضور مسجل، لذلك ستُلغى بدلًا من حذفها: تبقى بحضورها، وتُخفى من القوائم والشهادات، ويُسجَّل ذلك في سجل التغييرات. هل تريد المتابعة؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="308"/>
        <source>Remove this session?</source>
        <translation>حذف هذه الجلسة؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="326"/>
        <source>Add people…</source>
        <translation>إضافة أشخاص…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="342"/>
        <source>Apply to the selected person</source>
        <translation>طبّق على الشخص المحدد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="345"/>
        <location filename="../../desktop_app/views/pages/trainings.py" line="358"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="349"/>
        <location filename="../../desktop_app/views/pages/trainings.py" line="358"/>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="358"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="358"/>
        <source>Check-in code</source>
        <translation>رمز الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="421"/>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="423"/>
        <source>Group {n}</source>
        <translation>المجموعة {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="435"/>
        <source>First select a cell of the session.</source>
        <translation>حدد أولًا خانة من الجلسة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="465"/>
        <location filename="../../desktop_app/views/pages/trainings.py" line="478"/>
        <source>Working groups</source>
        <translation>مجموعات العمل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="465"/>
        <source>How many working groups?</source>
        <translation>كم عدد مجموعات العمل؟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="479"/>
        <source>{dealt} {into}</source>
        <translation>{dealt} {into}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/trainings.py" line="480"/>
        <source>%n participant(s) were dealt</source>
        <translation>
            <numerusform>لم يُوزَّع أي مشارك</numerusform>
            <numerusform>وُزِّع مشارك واحد</numerusform>
            <numerusform>وُزِّع مشاركان</numerusform>
            <numerusform>وُزِّع %n مشاركين</numerusform>
            <numerusform>وُزِّع %n مشاركًا</numerusform>
            <numerusform>وُزِّع %n مشارك</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/trainings.py" line="480"/>
        <source>into %n group(s).</source>
        <translation>
            <numerusform>على أي مجموعة.</numerusform>
            <numerusform>على مجموعة واحدة.</numerusform>
            <numerusform>على مجموعتين.</numerusform>
            <numerusform>على %n مجموعات.</numerusform>
            <numerusform>على %n مجموعةً.</numerusform>
            <numerusform>على %n مجموعة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="157"/>
        <source>Trainings</source>
        <translation>التدريبات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="101"/>
        <source>Add session</source>
        <translation>إضافة جلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="102"/>
        <source>Edit session</source>
        <translation>تعديل الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="103"/>
        <location filename="../../desktop_app/views/pages/trainings.py" line="303"/>
        <location filename="../../desktop_app/views/pages/trainings.py" line="308"/>
        <source>Remove session</source>
        <translation>حذف الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="114"/>
        <source>Removing a session that has attendance cancels it instead: it is kept, hidden.</source>
        <translation>حذف جلسة فيها حضور يلغيها بدلًا من حذفها: تبقى محفوظة ومخفية.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="146"/>
        <source>Enrolled people</source>
        <translation>المسجلون</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="169"/>
        <source>Edit training</source>
        <translation>تعديل التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="171"/>
        <location filename="../../desktop_app/views/pages/trainings.py" line="173"/>
        <source>New training</source>
        <translation>تدريب جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="226"/>
        <source>Organizer: {name}</source>
        <translation>الجهة المنظمة: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="227"/>
        <source>Venue: {venue}</source>
        <translation>المكان: {venue}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/pages/trainings.py" line="228"/>
        <source>Enrolled: {count}</source>
        <translation>عدد المسجلين: {count}</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../desktop_app/views/dialogs/walk_in.py" line="27"/>
        <source>Register a walk-in</source>
        <translation>تسجيل حضور دون تسجيل مسبق</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/walk_in.py" line="27"/>
        <source>New person</source>
        <translation>شخص جديد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/walk_in.py" line="39"/>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/walk_in.py" line="40"/>
        <source>Organization</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/walk_in.py" line="41"/>
        <source>Mobile</source>
        <translation>الموبايل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/walk_in.py" line="43"/>
        <source>Register and check in</source>
        <translation>سجّل وأثبت الحضور</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/dialogs/walk_in.py" line="43"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../desktop_app/views/widgets/wording_edit.py" line="24"/>
        <source>participant&apos;s name</source>
        <translation>اسم المشارك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/wording_edit.py" line="25"/>
        <source>their organization</source>
        <translation>جهة المشارك</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/wording_edit.py" line="26"/>
        <source>issuing organization</source>
        <translation>الجهة المانحة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/wording_edit.py" line="27"/>
        <source>training title</source>
        <translation>عنوان التدريب</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/wording_edit.py" line="28"/>
        <source>first day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/wording_edit.py" line="29"/>
        <source>last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/wording_edit.py" line="30"/>
        <source>venue</source>
        <translation>مكان الانعقاد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/widgets/wording_edit.py" line="31"/>
        <source>sessions attended</source>
        <translation>الجلسات التي حضرها</translation>
    </message>
</context>
<context>
    <name>WordingEdit</name>
    <message>
        <location filename="../../desktop_app/views/widgets/wording_edit.py" line="79"/>
        <source>Insert a placeholder</source>
        <translation>إدراج بيان</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../desktop_app/views/pages/network.py" line="588"/>
        <source>Details</source>
        <translation>البيانات</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="60"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/views/training_dialogs.py" line="60"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop_app/views/safety_tabs.py" line="57"/>
        <source>The passphrase again:</source>
        <translation>كلمة المرور مرة أخرى:</translation>
    </message>
</context>
</TS>
