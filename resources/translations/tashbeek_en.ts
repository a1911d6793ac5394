<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DocumentsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="312"/>
        <source>%n participant(s) qualify</source>
        <translation>
            <numerusform>%n participant qualifies</numerusform>
            <numerusform>%n participants qualify</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="364"/>
        <source>%n new certificate(s) issued.</source>
        <translation>
            <numerusform>%n new certificate issued.</numerusform>
            <numerusform>%n new certificates issued.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="366"/>
        <source>%n participant(s) already had theirs.</source>
        <translation>
            <numerusform>%n participant already had theirs.</numerusform>
            <numerusform>%n participants already had theirs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/documents.py" line="601"/>
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
        <location filename="../../desktop_app/views/pages/statistics.py" line="588"/>
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
        <location filename="../../desktop_app/views/pages/people.py" line="328"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/views/pages/statistics.py" line="365"/>
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
        <location filename="../../desktop_app/views/pages/tools.py" line="192"/>
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
