<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DocumentsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="319"/>
        <source>%n participant(s) qualify</source>
        <translation>
            <numerusform>%n participant qualifies</numerusform>
            <numerusform>%n participants qualify</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="371"/>
        <source>%n new certificate(s) issued.</source>
        <translation>
            <numerusform>%n new certificate issued.</numerusform>
            <numerusform>%n new certificates issued.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="373"/>
        <source>%n participant(s) already had theirs.</source>
        <translation>
            <numerusform>%n participant already had theirs.</numerusform>
            <numerusform>%n participants already had theirs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="608"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/statistics.py" line="603"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/organizations.py" line="244"/>
        <source>%n organizations</source>
        <translation>
            <numerusform>%n organization</numerusform>
            <numerusform>%n organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="405"/>
        <source>More filters (%n)</source>
        <translation>
            <numerusform>More filters (%n)</numerusform>
            <numerusform>More filters (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="520"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="551"/>
        <source>%n contact(s) written to {file}.</source>
        <translation>
            <numerusform>%n contact written to {file}.</numerusform>
            <numerusform>%n contacts written to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="553"/>
        <source>%n left out: no consent to share contacts.</source>
        <translation>
            <numerusform>%n left out: no consent to share contacts.</numerusform>
            <numerusform>%n left out: no consent to share contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="555"/>
        <source>%n left out: no phone or email.</source>
        <translation>
            <numerusform>%n left out: no phone or email.</numerusform>
            <numerusform>%n left out: no phone or email.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/people.py" line="557"/>
        <source>%n row(s) written to {file}.</source>
        <translation>
            <numerusform>%n row written to {file}.</numerusform>
            <numerusform>%n rows written to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/statistics.py" line="369"/>
        <source>%n training(s)</source>
        <translation>
            <numerusform>%n training</numerusform>
            <numerusform>%n trainings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ToolsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/tools.py" line="202"/>
        <source>%n row(s) written to {file}.</source>
        <translation>
            <numerusform>%n row written to {file}.</numerusform>
            <numerusform>%n rows written to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/trainings.py" line="480"/>
        <source>%n participant(s) were dealt</source>
        <translation>
            <numerusform>%n participant was dealt</numerusform>
            <numerusform>%n participants were dealt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/trainings.py" line="480"/>
        <source>into %n group(s).</source>
        <translation>
            <numerusform>into %n group.</numerusform>
            <numerusform>into %n groups.</numerusform>
        </translation>
    </message>
</context>
</TS>
