<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SpinePath</source>
        <translation>Acerca de SpinePath</translation>
    </message>
    <message>
        <source>SpinePath logo</source>
        <translation>Logotipo de SpinePath</translation>
    </message>
    <message>
        <source>Program name</source>
        <translation>Nombre del programa</translation>
    </message>
    <message>
        <source>SpinePath</source>
        <translation>SpinePath</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Spine care questionnaire and patient education.</source>
        <translation>Cuestionario sobre la columna y educación para pacientes.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Licensed under the Apache License, Version 2.0.</source>
        <translation>Con licencia Apache, versión 2.0.</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Versión de Qt</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del cuadro de diálogo</translation>
    </message>
</context>
<context>
    <name>AssessmentDetail</name>
    <message>
        <source>Assessment details</source>
        <translation>Detalles de la evaluación</translation>
    </message>
    <message>
        <source>Choose an assessment to see its results, answers and summary.</source>
        <translation>Elija una evaluación para ver sus resultados, respuestas y resumen.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marcar como revisada</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>The document the preview and the print buttons show</source>
        <translation>El documento que muestran los botones de vista previa e impresión</translation>
    </message>
    <message>
        <source>Document to preview, print or save</source>
        <translation>Documento para ver, imprimir o guardar</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Vista previa de impresión</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Vista previa…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Signed in</source>
        <translation>Inició sesión</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN incorrecto</translation>
    </message>
    <message>
        <source>Locked after wrong PINs</source>
        <translation>Bloqueado tras PIN incorrectos</translation>
    </message>
    <message>
        <source>Sign-in refused during a wait or the lock</source>
        <translation>Inicio de sesión rechazado durante una espera o el bloqueo</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Cerró sesión</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>PIN establecido</translation>
    </message>
    <message>
        <source>PIN reset (code issued)</source>
        <translation>PIN restablecido (código emitido)</translation>
    </message>
    <message>
        <source>Wrong PIN reset code</source>
        <translation>Código de restablecimiento de PIN incorrecto</translation>
    </message>
    <message>
        <source>PIN reset code refused</source>
        <translation>Código de restablecimiento de PIN rechazado</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Consultada</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impresa</translation>
    </message>
    <message>
        <source>Saved as PDF</source>
        <translation>Guardada como PDF</translation>
    </message>
    <message>
        <source>Assessments exported</source>
        <translation>Evaluaciones exportadas</translation>
    </message>
    <message>
        <source>Marked as reviewed</source>
        <translation>Marcada como revisada</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminada</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Ajuste cambiado</translation>
    </message>
    <message>
        <source>Audit log viewed</source>
        <translation>Registro de auditoría consultado</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>Registro de auditoría exportado</translation>
    </message>
    <message>
        <source>Left kiosk mode</source>
        <translation>Salió del modo quiosco</translation>
    </message>
    <message>
        <source>Assessment started</source>
        <translation>Evaluación iniciada</translation>
    </message>
    <message>
        <source>Assessment finished</source>
        <translation>Evaluación terminada</translation>
    </message>
    <message>
        <source>Assessment abandoned</source>
        <translation>Evaluación abandonada</translation>
    </message>
    <message>
        <source>Emergency alert raised</source>
        <translation>Alerta de emergencia emitida</translation>
    </message>
    <message>
        <source>Emergency alert acknowledged</source>
        <translation>Alerta de emergencia atendida</translation>
    </message>
    <message>
        <source>Old assessments deleted</source>
        <translation>Evaluaciones antiguas eliminadas</translation>
    </message>
    <message>
        <source>Database exported</source>
        <translation>Base de datos exportada</translation>
    </message>
    <message>
        <source>Export started</source>
        <translation>Exportación iniciada</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exportación fallida</translation>
    </message>
    <message>
        <source>Results re-scored under new rules</source>
        <translation>Resultados recalculados con reglas nuevas</translation>
    </message>
    <message>
        <source>Database set aside, backed up or migrated</source>
        <translation>Base de datos apartada, respaldada o migrada</translation>
    </message>
    <message>
        <source>Idle time</source>
        <translation>Tiempo de inactividad</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Cuenta regresiva</translation>
    </message>
    <message>
        <source>Automatic printing</source>
        <translation>Impresión automática</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Conservación</translation>
    </message>
    <message>
        <source>Staff console lock</source>
        <translation>Bloqueo de la consola del personal</translation>
    </message>
    <message>
        <source>Start in kiosk mode</source>
        <translation>Iniciar en modo quiosco</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Clinic address</source>
        <translation>Dirección de la clínica</translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation>Teléfono de la clínica</translation>
    </message>
    <message>
        <source>Clinic language</source>
        <translation>Idioma de la clínica</translation>
    </message>
    <message>
        <source>Answers from home imported</source>
        <translation>Respuestas desde casa importadas</translation>
    </message>
    <message>
        <source>Answers from home brought again</source>
        <translation>Respuestas desde casa traídas otra vez</translation>
    </message>
    <message>
        <source>Database login made</source>
        <translation>Acceso a la base de datos creado</translation>
    </message>
    <message>
        <source>Data moved in from a database file</source>
        <translation>Datos traídos desde un archivo de base de datos</translation>
    </message>
    <message>
        <source>This computer&apos;s database changed</source>
        <translation>La base de datos de esta computadora cambió</translation>
    </message>
    <message>
        <source>Answers sent late by a kiosk</source>
        <translation>Respuestas enviadas con retraso por un quiosco</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Save the entries that match the filter as JSON Lines or CSV</source>
        <translation>Guardar las entradas que coinciden con el filtro como JSON Lines o CSV</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Who did what, and when. Answers, names and results are never recorded here.</source>
        <translation>Quién hizo qué y cuándo. Aquí nunca se guardan respuestas, nombres ni resultados.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>The whole id or its beginning, as shown in the table</source>
        <translation>El identificador completo o su comienzo, como aparece en la tabla</translation>
    </message>
    <message>
        <source>Assessment id</source>
        <translation>Identificador de la evaluación</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Borrar filtros</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Print the version and exit.</source>
        <translation>Muestra la versión y termina.</translation>
    </message>
    <message>
        <source>Log detail: trace, debug, info, warn, error, critical or off (default: info).</source>
        <translation>Detalle del registro: trace, debug, info, warn, error, critical u off (predeterminado: info).</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>NIVEL</translation>
    </message>
    <message>
        <source>Folder with the questionnaire, rules and articles.</source>
        <translation>Carpeta con el cuestionario, las reglas y los artículos.</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>CARPETA</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Run as the clinic&apos;s front-desk kiosk: full screen, and only staff with the PIN can leave.</source>
        <translation>Funciona como quiosco de la recepción: pantalla completa, y solo el personal con el PIN puede salir.</translation>
    </message>
    <message>
        <source>Spine care questionnaire and patient education.</source>
        <translation>Cuestionario sobre la columna y educación para pacientes.</translation>
    </message>
    <message>
        <source>Unknown log level: %1</source>
        <translation>Nivel de registro desconocido: %1</translation>
    </message>
    <message>
        <source>SpinePath cannot start</source>
        <translation>SpinePath no puede iniciar</translation>
    </message>
    <message>
        <source>The questionnaire or rules in %1 have problems. SpinePath cannot start until they are fixed.</source>
        <translation>El cuestionario o las reglas de %1 tienen problemas. SpinePath no puede iniciar hasta que se corrijan.</translation>
    </message>
    <message>
        <source>The details list every problem found.</source>
        <translation>Los detalles enumeran cada problema encontrado.</translation>
    </message>
    <message>
        <source>The language to start in, and at the kiosk to return to after each patient: %1 (default: the clinic&apos;s setting, else the computer&apos;s language).</source>
        <translation>El idioma con el que empieza y al que vuelve el quiosco después de cada paciente: %1 (predeterminado: el ajuste de la clínica o, si no, el idioma de la computadora).</translation>
    </message>
    <message>
        <source>LANGUAGE</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <source>Unknown language: %1. Use one of: %2.</source>
        <translation>Idioma desconocido: %1. Use uno de estos: %2.</translation>
    </message>
    <message>
        <source>Try out a FHIR R4 Questionnaire as a patient would: stores nothing, opens no database.</source>
        <translation>Pruebe un cuestionario FHIR R4 como lo haría un paciente: no guarda nada y no abre ninguna base de datos.</translation>
    </message>
    <message>
        <source>Database file, or a clinic&apos;s server as postgresql://USER@HOST/DBNAME (default: SPINEPATH_DB, else this computer&apos;s setting, else the app&apos;s data folder).</source>
        <translation>Archivo de base de datos, o el servidor de una clínica como postgresql://USUARIO@SERVIDOR/BASE (predeterminado: SPINEPATH_DB; si no, el ajuste de esta computadora; si no, la carpeta de datos de la aplicación).</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordPrompt</name>
    <message>
        <source>Database password</source>
        <translation>Contraseña de la base de datos</translation>
    </message>
    <message>
        <source>The clinic&apos;s database server asks for the password of this login:
%1</source>
        <translation>El servidor de base de datos de la clínica pide la contraseña de este acceso:
%1</translation>
    </message>
    <message>
        <source>That password was not accepted.</source>
        <translation>Esa contraseña no fue aceptada.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Work without the database</source>
        <translation>Trabajar sin la base de datos</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export assessments</source>
        <translation>Exportar evaluaciones</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Formato de exportación</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SpinePath</source>
        <translation>SpinePath</translation>
    </message>
    <message>
        <source>SpinePath main window</source>
        <translation>Ventana principal de SpinePath</translation>
    </message>
    <message>
        <source>Main area</source>
        <translation>Área principal</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>SpinePath logo</source>
        <translation>Logotipo de SpinePath</translation>
    </message>
    <message>
        <source>Spine care questionnaire and patient education</source>
        <translation>Cuestionario sobre la columna y educación para pacientes</translation>
    </message>
    <message>
        <source>This tool helps your care team.
It does not make a diagnosis; your doctor decides.</source>
        <translation>Esta herramienta ayuda a su equipo médico.
No da un diagnóstico; su médico decide.</translation>
    </message>
    <message>
        <source>Start the questionnaire here at the clinic</source>
        <translation>Empezar el cuestionario aquí en la clínica</translation>
    </message>
    <message>
        <source>I&apos;m at the clinic</source>
        <translation>Estoy en la clínica</translation>
    </message>
    <message>
        <source>Start the questionnaire at home; you can save it and finish later</source>
        <translation>Empezar el cuestionario en casa; puede guardarlo y terminarlo después</translation>
    </message>
    <message>
        <source>I&apos;m at home, before my visit</source>
        <translation>Estoy en casa, antes de mi cita</translation>
    </message>
    <message>
        <source>Unfinished questionnaires</source>
        <translation>Cuestionarios sin terminar</translation>
    </message>
    <message>
        <source>Finish a questionnaire you started at home</source>
        <translation>Termine un cuestionario que empezó en casa</translation>
    </message>
    <message>
        <source>Continue the selected questionnaire</source>
        <translation>Continuar el cuestionario seleccionado</translation>
    </message>
    <message>
        <source>Continue where I left off</source>
        <translation>Seguir donde me quedé</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Barra de menú</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close SpinePath</source>
        <translation>Cerrar SpinePath</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About SpinePath</source>
        <translation>A&amp;cerca de SpinePath</translation>
    </message>
    <message>
        <source>Show the version and licence of SpinePath</source>
        <translation>Mostrar la versión y la licencia de SpinePath</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Clinic settings</source>
        <translation>Ajustes de la clínica</translation>
    </message>
    <message>
        <source>Changes apply once saved, and each is recorded in the audit log.</source>
        <translation>Los cambios se aplican al guardarlos, y cada uno queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Quiosco</translation>
    </message>
    <message>
        <source>Idle time</source>
        <translation>Tiempo de inactividad</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>No touch for this long, and the kiosk asks &quot;Are you still there?&quot;</source>
        <translation>Si nadie toca la pantalla durante este tiempo, el quiosco pregunta &quot;¿Sigue ahí?&quot;</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Cuenta regresiva</translation>
    </message>
    <message>
        <source>Then it counts down this long and clears the answers.</source>
        <translation>Luego cuenta hacia atrás este tiempo y borra las respuestas.</translation>
    </message>
    <message>
        <source>Without this, kiosk mode needs --kiosk on the command line.</source>
        <translation>Sin esto, el modo quiosco necesita --kiosk en la línea de comandos.</translation>
    </message>
    <message>
        <source>Start in kiosk mode</source>
        <translation>Iniciar en modo quiosco</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <source>Print the summary automatically</source>
        <translation>Imprimir el resumen automáticamente</translation>
    </message>
    <message>
        <source>The physician summary, when a kiosk assessment is finished.</source>
        <translation>El resumen para el médico, cuando se termina una evaluación en el quiosco.</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>For printed summaries, patient copies and PDFs.</source>
        <translation>Para resúmenes impresos, copias del paciente y PDF.</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>The kiosk prints here with no dialog, and so does automatic printing.</source>
        <translation>El quiosco imprime aquí sin cuadro de diálogo, igual que la impresión automática.</translation>
    </message>
    <message>
        <source>Records and security</source>
        <translation>Registros y seguridad</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Conservación</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Older completed assessments are deleted; 0 keeps them all.</source>
        <translation>Las evaluaciones terminadas más antiguas se eliminan; 0 las conserva todas.</translation>
    </message>
    <message>
        <source>Console lock</source>
        <translation>Bloqueo de la consola</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>The staff console locks itself after this long without use.</source>
        <translation>La consola del personal se bloquea sola tras este tiempo sin uso.</translation>
    </message>
    <message>
        <source>Clinic details</source>
        <translation>Datos de la clínica</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Shown on the welcome screen and on reports. An empty field uses the content files&apos; details, shown in grey.</source>
        <translation>Se muestran en la pantalla de bienvenida y en los informes. Un campo vacío usa los datos de los archivos de contenido, en gris.</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <source>Show the saved settings again, dropping unsaved changes</source>
        <translation>Volver a mostrar los ajustes guardados y descartar los cambios sin guardar</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar ajustes</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>Impreso el %1</translation>
    </message>
    <message>
        <source>Assessment %1</source>
        <translation>Evaluación %1</translation>
    </message>
    <message>
        <source>Assessment not stored</source>
        <translation>Evaluación no guardada</translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation>Referencia %1</translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation>Teléfono %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>Answered no</source>
        <translation>Respondió que no</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Quiosco</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>En casa</translation>
    </message>
    <message>
        <source>Physician summary</source>
        <translation>Resumen para el médico</translation>
    </message>
    <message>
        <source>Confidential: patient information</source>
        <translation>Confidencial: información del paciente</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>fecha de nacimiento: %1</translation>
    </message>
    <message>
        <source>may be contacted</source>
        <translation>se le puede contactar</translation>
    </message>
    <message>
        <source>do not contact</source>
        <translation>no contactar</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Señales de alarma</translation>
    </message>
    <message>
        <source>Red flags: none reported.</source>
        <translation>Señales de alarma: ninguna indicada.</translation>
    </message>
    <message>
        <source>For review</source>
        <translation>Para revisar</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntuaciones</translation>
    </message>
    <message>
        <source>%1 / 100</source>
        <translation>%1 / 100</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>Factores</translation>
    </message>
    <message>
        <source>No factor fired.</source>
        <translation>Ningún factor se activó.</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Reason given to the patient</source>
        <translation>Motivo que se le dio al paciente</translation>
    </message>
    <message>
        <source>Suggested next steps</source>
        <translation>Próximos pasos sugeridos</translation>
    </message>
    <message>
        <source>None suggested by the rules.</source>
        <translation>Las reglas no sugieren ninguno.</translation>
    </message>
    <message>
        <source>PEG</source>
        <translation>PEG</translation>
    </message>
    <message>
        <source>%1 / 10</source>
        <translation>%1 / 10</translation>
    </message>
    <message>
        <source>not scored (needs all three items)</source>
        <translation>sin puntuación (necesita las tres preguntas)</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Your results</source>
        <translation>Sus resultados</translation>
    </message>
    <message>
        <source>Prepared for %1</source>
        <translation>Preparado para %1</translation>
    </message>
    <message>
        <source>Please read this first</source>
        <translation>Por favor, lea esto primero</translation>
    </message>
    <message>
        <source>What your result means</source>
        <translation>Qué significa su resultado</translation>
    </message>
    <message>
        <source>Your doctor will also ask about</source>
        <translation>Su médico también le preguntará sobre</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Qué pasa ahora</translation>
    </message>
    <message>
        <source>Your doctor will go over your answers with you.</source>
        <translation>Su médico revisará sus respuestas con usted.</translation>
    </message>
    <message>
        <source>To read before your visit</source>
        <translation>Para leer antes de su cita</translation>
    </message>
    <message>
        <source>Ask at the front desk, or open them in the SpinePath library.</source>
        <translation>Pídalos en la recepción o ábralos en la biblioteca de SpinePath.</translation>
    </message>
    <message>
        <source>Questions?</source>
        <translation>¿Tiene preguntas?</translation>
    </message>
    <message>
        <source>Call %1 at %2.</source>
        <translation>Llame a %1 al %2.</translation>
    </message>
    <message>
        <source>Rules used: %1 %2</source>
        <translation>Reglas usadas: %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>all %n yes/no questions</source>
        <translation>
            <numerusform>%n pregunta de sí o no (todas)</numerusform>
            <numerusform>las %n preguntas de sí o no</numerusform>
        </translation>
    </message>
    <message>
        <source>Answered in</source>
        <translation>Respondido en</translation>
    </message>
    <message>
        <source>Bring this page to your visit</source>
        <translation>Traiga esta hoja a su cita</translation>
    </message>
    <message>
        <source>This square code holds all your answers and the details about you that you gave. At the front desk, staff scan it. Then you do not have to answer again.</source>
        <translation>Este código cuadrado tiene todas sus respuestas y los datos que nos dio sobre usted. En la recepción, el personal lo escanea. Así no tiene que responder otra vez.</translation>
    </message>
    <message>
        <source>Anyone who has this page can read your answers from the code. Keep it safe, as you would a letter from your doctor.</source>
        <translation>Cualquier persona que tenga esta hoja puede leer sus respuestas en el código. Guárdela bien, como una carta de su médico.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>Compilado con Qt %1, funciona con Qt %2</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::ArticleView</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Texto del artículo</translation>
    </message>
    <message>
        <source>Close the explanation</source>
        <translation>Cerrar la explicación</translation>
    </message>
    <message>
        <source>Related articles</source>
        <translation>Artículos relacionados</translation>
    </message>
    <message>
        <source>Print this article</source>
        <translation>Imprimir este artículo</translation>
    </message>
    <message>
        <source>Save this article as a PDF file</source>
        <translation>Guardar este artículo como archivo PDF</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) to read</source>
        <translation>
            <numerusform>%n minuto de lectura</numerusform>
            <numerusform>%n minutos de lectura</numerusform>
        </translation>
    </message>
    <message>
        <source>Related: %1</source>
        <translation>Relacionado: %1</translation>
    </message>
    <message>
        <source>Save the article as a PDF</source>
        <translation>Guardar el artículo como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>This article was sent to the printer already. Please ask at the front desk.</source>
        <translation>Este artículo ya se envió a la impresora. Por favor, pregunte en la recepción.</translation>
    </message>
    <message>
        <source>There is no printer here. The front desk can print this article for you.</source>
        <translation>Aquí no hay impresora. En la recepción pueden imprimirle este artículo.</translation>
    </message>
    <message>
        <source>Sent to the printer. Please collect it at the front desk.</source>
        <translation>Enviado a la impresora. Por favor, recójalo en la recepción.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::AssessmentDetail</name>
    <message>
        <source>Preview of the document</source>
        <translation>Vista previa del documento</translation>
    </message>
    <message>
        <source>No name given</source>
        <translation>Sin nombre</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>The patient is still answering: the summary is ready once they finish.</source>
        <translation>El paciente todavía está respondiendo: el resumen estará listo cuando termine.</translation>
    </message>
    <message>
        <source>This assessment has no result, so there is no summary.</source>
        <translation>Esta evaluación no tiene resultado, así que no hay resumen.</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>Aún sin resultado</translation>
    </message>
    <message>
        <source>The patient is still answering.</source>
        <translation>El paciente todavía está respondiendo.</translation>
    </message>
    <message>
        <source>The patient stopped before the end.</source>
        <translation>El paciente se detuvo antes del final.</translation>
    </message>
    <message>
        <source>%1 suitability</source>
        <translation>Idoneidad para %1</translation>
    </message>
    <message>
        <source>%1 of 100</source>
        <translation>%1 de 100</translation>
    </message>
    <message>
        <source>PEG (pain, enjoyment, activity)</source>
        <translation>PEG (dolor, disfrute, actividad)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Señales</translation>
    </message>
    <message>
        <source>⚠ EMERGENCY</source>
        <translation>⚠ EMERGENCIA</translation>
    </message>
    <message>
        <source>⚠ Urgent</source>
        <translation>⚠ Urgente</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>Factores</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>En casa</translation>
    </message>
    <message>
        <source>At the kiosk</source>
        <translation>En el quiosco</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <source>Assessment id</source>
        <translation>Identificador de la evaluación</translation>
    </message>
    <message>
        <source>The stored answers cannot be read with the questionnaire in use.</source>
        <translation>Las respuestas guardadas no se pueden leer con el cuestionario en uso.</translation>
    </message>
    <message>
        <source>(left blank)</source>
        <translation>(en blanco)</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>Aún no hay respuestas.</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marcar como revisada</translation>
    </message>
    <message>
        <source>Marked as reviewed.</source>
        <translation>Marcada como revisada.</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>Eliminar evaluación</translation>
    </message>
    <message>
        <source>Delete the assessment started on %1? Its answers, results and name are removed for good; the audit log keeps only that it was deleted.</source>
        <translation>¿Eliminar la evaluación iniciada el %1? Sus respuestas, resultados y nombre se borran para siempre; el registro de auditoría solo guarda que se eliminó.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>The assessment was deleted.</source>
        <translation>La evaluación se eliminó.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::AssessmentListModel</name>
    <message>
        <source>Emergency</source>
        <translation>Emergencia</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Still answering: alert raised</source>
        <translation>Respondiendo aún: alerta emitida</translation>
    </message>
    <message>
        <source>Still answering</source>
        <translation>Respondiendo aún</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgencia</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>%1, from home</source>
        <translation>%1, desde casa</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::AssessmentSearchBar</name>
    <message>
        <source>Started from</source>
        <translation>Iniciada desde</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <source>Search by patient name</source>
        <translation>Buscar por nombre del paciente</translation>
    </message>
    <message>
        <source>Started on or after</source>
        <translation>Iniciada el o después del</translation>
    </message>
    <message>
        <source>Started on or before</source>
        <translation>Iniciada el o antes del</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Cualquier categoría</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Señal</translation>
    </message>
    <message>
        <source>Any flag</source>
        <translation>Cualquier señal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::AuditLogModel</name>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::AuditLogPage</name>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>More entries could not be read: %1</source>
        <translation>No se pudieron leer más entradas: %1</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>No se pudo leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Opening the audit log could not be recorded: %1</source>
        <translation>No se pudo registrar la apertura del registro de auditoría: %1</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>CSV para hojas de cálculo (*.csv)</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>The audit log was not exported: %1</source>
        <translation>El registro de auditoría no se exportó: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to %1.</source>
        <translation>
            <numerusform>%n entrada exportada a %1.</numerusform>
            <numerusform>%n entradas exportadas a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Ninguna entrada coincide.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n entries, newest first</source>
        <translation>
            <numerusform>Se muestran %1 de %n entrada, las más recientes primero</numerusform>
            <numerusform>Se muestran %1 de %n entradas, las más recientes primero</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spinepath::ui::ButtonQuestion</name>
    <message>
        <source>Other:</source>
        <translation>Otro:</translation>
    </message>
    <message>
        <source>Other, in your own words</source>
        <extracomment>The free-text box of a question whose list may not hold the patient&apos;s answer</extracomment>
        <translation>Otro, con sus propias palabras</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::ClinicMode</name>
    <message>
        <source>SpinePath staff console</source>
        <translation>Consola del personal de SpinePath</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>SpinePath cannot start</source>
        <translation>SpinePath no puede iniciar</translation>
    </message>
    <message>
        <source>The kiosk needs its database to keep answers and the staff PIN: %1</source>
        <translation>El quiosco necesita su base de datos para guardar las respuestas y el PIN del personal: %1</translation>
    </message>
    <message>
        <source>Staff console</source>
        <translation>Consola del personal</translation>
    </message>
    <message>
        <source>The staff console needs the database, which cannot be used: %1</source>
        <translation>La consola del personal necesita la base de datos, que no se puede usar: %1</translation>
    </message>
    <message>
        <source>The staff PIN cannot be read: %1</source>
        <translation>No se puede leer el PIN del personal: %1</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::DatabaseLocationDialog</name>
    <message>
        <source>This computer&apos;s database</source>
        <translation>Base de datos de esta computadora</translation>
    </message>
    <message>
        <source>A database file on this computer, or the clinic&apos;s PostgreSQL server as postgresql://USER@HOST/DBNAME?sslmode=verify-full. A password never goes in the address: put it in ~/.pgpass, or SpinePath asks for it. SpinePath opens the database before it saves the setting, and uses it from the next start.</source>
        <translation>Un archivo de base de datos en esta computadora, o el servidor PostgreSQL de la clínica como postgresql://USUARIO@SERVIDOR/BASE?sslmode=verify-full. La contraseña nunca va en la dirección: póngala en ~/.pgpass, o SpinePath se la pedirá. SpinePath abre la base de datos antes de guardar el ajuste, y la usa desde el próximo inicio.</translation>
    </message>
    <message>
        <source>&amp;Database file or server address</source>
        <translation>Archivo de base de datos o &amp;dirección del servidor</translation>
    </message>
    <message>
        <source>Database file or server address</source>
        <translation>Archivo de base de datos o dirección del servidor</translation>
    </message>
    <message>
        <source>/path/to/spinepath.sqlite or postgresql://USER@HOST/DBNAME</source>
        <translation>/ruta/a/spinepath.sqlite o postgresql://USUARIO@SERVIDOR/BASE</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Elegir un archivo…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>Comprobar y guardar</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de base de datos</translation>
    </message>
    <message>
        <source>SpinePath databases (*.sqlite);;All files (*)</source>
        <translation>Bases de datos de SpinePath (*.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Type a file path or a postgresql:// address, or choose a file.</source>
        <translation>Escriba la ruta de un archivo o una dirección postgresql://, o elija un archivo.</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>No se guardó. %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The database opened, but the setting was not saved: %1</source>
        <translation>La base de datos se abrió, pero el ajuste no se guardó: %1</translation>
    </message>
    <message>
        <source>Saved. SpinePath was started with --db, which comes before this setting: start it without --db to use %1.</source>
        <translation>Guardado. SpinePath se inició con --db, que tiene prioridad sobre este ajuste: inícielo sin --db para usar %1.</translation>
    </message>
    <message>
        <source>Saved. SPINEPATH_DB names the database on this computer and comes before this setting: remove it to use %1.</source>
        <translation>Guardado. SPINEPATH_DB indica la base de datos en esta computadora y tiene prioridad sobre este ajuste: quítela para usar %1.</translation>
    </message>
    <message>
        <source>Saved. Restart SpinePath to use %1.</source>
        <translation>Guardado. Reinicie SpinePath para usar %1.</translation>
    </message>
    <message>
        <source>The server asked for a password: SpinePath asks for it at each start. A kiosk cannot ask, so put it in ~/.pgpass there.</source>
        <translation>El servidor pidió una contraseña: SpinePath la pedirá en cada inicio. Un quiosco no puede pedirla, así que allí póngala en ~/.pgpass.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::DatabaseNoticeBanner</name>
    <message>
        <source>Database notices</source>
        <translation>Avisos de la base de datos</translation>
    </message>
    <message>
        <source>Noted</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <source>Hide the database notices</source>
        <translation>Ocultar los avisos de la base de datos</translation>
    </message>
    <message>
        <source>When the database was opened:</source>
        <translation>Al abrir la base de datos:</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::DateQuestion</name>
    <message>
        <source>Type the date with numbers, for example %1.</source>
        <translation>Escriba la fecha con números, por ejemplo %1.</translation>
    </message>
    <message>
        <source>We read this as %1.</source>
        <translation>Lo entendemos como %1.</translation>
    </message>
    <message>
        <source>We cannot read this date. Please type it like %1.</source>
        <translation>No podemos leer esta fecha. Por favor, escríbala así: %1.</translation>
    </message>
    <message>
        <source>This date is after today. Please check it.</source>
        <translation>Esta fecha es posterior a hoy. Por favor, revísela.</translation>
    </message>
    <message>
        <source>Please check the year of this date.</source>
        <translation>Por favor, revise el año de esta fecha.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::EmergencyAlert</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Atender</translation>
    </message>
    <message>
        <source>Emergency alert</source>
        <translation>Alerta de emergencia</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>The alert sound could not play on this computer (no sound device or speakers). Watch this screen.</source>
        <translation>El sonido de alerta no se pudo reproducir en esta computadora (no hay dispositivo de sonido ni altavoces). Vigile esta pantalla.</translation>
    </message>
    <message>
        <source>Open the urgent assessment</source>
        <translation>Abrir la evaluación urgente</translation>
    </message>
    <message>
        <source>Acknowledge the emergency alert</source>
        <translation>Atender la alerta de emergencia</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>Urgent: an assessment started at %1 needs attention now. Open it from the top of Today&apos;s queue.</source>
        <translation>Urgente: una evaluación iniciada a las %1 necesita atención ahora. Ábrala desde el principio de la lista de hoy.</translation>
    </message>
    <message>
        <source>Urgent: %1 assessments need attention now (the latest started at %2). Open them from the top of Today&apos;s queue.</source>
        <translation>Urgente: %1 evaluaciones necesitan atención ahora (la última se inició a las %2). Ábralas desde el principio de la lista de hoy.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::EmergencyPage</name>
    <message>
        <source>Please get help now</source>
        <translation>Por favor, busque ayuda ahora</translation>
    </message>
    <message>
        <source>I understand. Continue the questionnaire</source>
        <translation>Entiendo. Seguir con el cuestionario</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::ExportDialog</name>
    <message numerus="yes">
        <source>Export %n selected assessment(s). The file holds health information: keep it on a protected drive, and delete it when it is no longer needed.</source>
        <translation>
            <numerusform>Exportar %n evaluación seleccionada. El archivo contiene información de salud: guárdelo en una unidad protegida y elimínelo cuando ya no haga falta.</numerusform>
            <numerusform>Exportar %n evaluaciones seleccionadas. El archivo contiene información de salud: guárdelo en una unidad protegida y elimínelo cuando ya no haga falta.</numerusform>
        </translation>
    </message>
    <message>
        <source>FHIR Bundle of QuestionnaireResponses (.json)</source>
        <translation>FHIR Bundle de QuestionnaireResponses (.json)</translation>
    </message>
    <message>
        <source>CSV: one row per assessment, results only (.csv)</source>
        <translation>CSV: una fila por evaluación, solo resultados (.csv)</translation>
    </message>
    <message>
        <source>JSON Lines: answers and results (.jsonl)</source>
        <translation>JSON Lines: respuestas y resultados (.jsonl)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>Archivos JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>FHIR JSON files (*.json)</source>
        <translation>Archivos JSON de FHIR (*.json)</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::ImportAnswersDialog</name>
    <message>
        <source>This is not a SpinePath answer code or answers file.</source>
        <translation>Esto no es un código de respuestas ni un archivo de respuestas de SpinePath.</translation>
    </message>
    <message>
        <source>This code was made by a newer SpinePath. Update SpinePath to read it.</source>
        <translation>Este código se hizo con un SpinePath más nuevo. Actualice SpinePath para leerlo.</translation>
    </message>
    <message>
        <source>The code is damaged or incomplete. Scan it again, flat and in good light.</source>
        <translation>El código está dañado o incompleto. Escanéelo otra vez, con la hoja plana y con buena luz.</translation>
    </message>
    <message>
        <source>These answers are for a questionnaire version this clinic does not have. Ask the patient to answer here.</source>
        <translation>Estas respuestas son de una versión del cuestionario que esta clínica no tiene. Pida al paciente que responda aquí.</translation>
    </message>
    <message>
        <source>The answers do not fit this clinic&apos;s questionnaire.</source>
        <translation>Las respuestas no corresponden al cuestionario de esta clínica.</translation>
    </message>
    <message>
        <source>Import answers from home</source>
        <translation>Importar respuestas desde casa</translation>
    </message>
    <message>
        <source>Scan the code on the patient&apos;s page, or type it and press Enter. Or open a scan, a photo or an answers file.</source>
        <translation>Escanee el código de la hoja del paciente, o escríbalo y pulse Intro. También puede abrir un escaneo, una foto o un archivo de respuestas.</translation>
    </message>
    <message>
        <source>Answer code</source>
        <translation>Código de respuestas</translation>
    </message>
    <message>
        <source>Scan or type the code</source>
        <translation>Escanee o escriba el código</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Abrir un archivo…</translation>
    </message>
    <message>
        <source>Open a file</source>
        <translation>Abrir un archivo</translation>
    </message>
    <message>
        <source>Open answers from home</source>
        <translation>Abrir respuestas desde casa</translation>
    </message>
    <message>
        <source>Scans, photos and answer files (*.png *.jpg *.jpeg *.pdf *.json *.txt);;All files (*)</source>
        <translation>Escaneos, fotos y archivos de respuestas (*.png *.jpg *.jpeg *.pdf *.json *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Nothing was imported. %1
(%2)</source>
        <translation>No se importó nada. %1
(%2)</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se importó nada: %1</translation>
    </message>
    <message>
        <source>The answers could not be stored: %1</source>
        <translation>No se pudieron guardar las respuestas: %1</translation>
    </message>
    <message>
        <source>These answers were already imported. Nothing new was stored; they are in the list.</source>
        <translation>Estas respuestas ya se habían importado. No se guardó nada nuevo; están en la lista.</translation>
    </message>
    <message>
        <source>Imported. The answers from home are in today&apos;s queue.</source>
        <translation>Importadas. Las respuestas desde casa están en la lista de hoy.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::LibraryPage</name>
    <message>
        <source>How the spine works</source>
        <translation>Cómo funciona la columna</translation>
    </message>
    <message>
        <source>Treatments</source>
        <translation>Tratamientos</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Help and words</source>
        <translation>Ayuda y palabras</translation>
    </message>
    <message>
        <source>Learn about your spine</source>
        <translation>Aprenda sobre su columna</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Leave the library</source>
        <translation>Salir de la biblioteca</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Todos los artículos</translation>
    </message>
    <message>
        <source>Search the articles</source>
        <translation>Buscar en los artículos</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Did you mean another word?</source>
        <translation>¿Quiso decir otra palabra?</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>No article matches &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation>Ningún artículo coincide con &quot;%1&quot;. ¿Quiso decir &quot;%2&quot;?</translation>
    </message>
    <message>
        <source>Did you mean &quot;%1&quot;?</source>
        <translation>¿Quiso decir &quot;%1&quot;?</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) to read</source>
        <translation>
            <numerusform>%n minuto de lectura</numerusform>
            <numerusform>%n minutos de lectura</numerusform>
        </translation>
    </message>
    <message>
        <source>No article matches &quot;%1&quot;.</source>
        <translation>Ningún artículo coincide con &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::MainWindow</name>
    <message>
        <source>My results</source>
        <translation>Mis resultados</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>Acceso del personal</translation>
    </message>
    <message>
        <source>&amp;Staff console...</source>
        <translation>&amp;Consola del personal...</translation>
    </message>
    <message>
        <source>Your answers are on this screen only. Please tell the front desk before you leave.</source>
        <translation>Sus respuestas están solo en esta pantalla. Por favor, avise en la recepción antes de irse.</translation>
    </message>
    <message>
        <source>Your copy was sent to the printer already. Please ask at the front desk.</source>
        <translation>Su copia ya se envió a la impresora. Por favor, pregunte en la recepción.</translation>
    </message>
    <message>
        <source>There is no printer here. The front desk can print your copy for you.</source>
        <translation>Aquí no hay impresora. En la recepción pueden imprimirle su copia.</translation>
    </message>
    <message>
        <source>Your copy could not be printed. Please ask at the front desk.</source>
        <translation>No se pudo imprimir su copia. Por favor, pregunte en la recepción.</translation>
    </message>
    <message>
        <source>Sent to the printer. Please collect it at the front desk.</source>
        <translation>Enviado a la impresora. Por favor, recójalo en la recepción.</translation>
    </message>
    <message>
        <source>Your answers could not be saved: %1 They stay on this screen; nothing you entered is lost.</source>
        <translation>No se pudieron guardar sus respuestas: %1 Siguen en esta pantalla; no se perdió nada de lo que escribió.</translation>
    </message>
    <message>
        <source>Started %1, %2</source>
        <translation>Empezado el %1, %2</translation>
    </message>
    <message>
        <source>That questionnaire could not be opened.</source>
        <translation>No se pudo abrir ese cuestionario.</translation>
    </message>
    <message>
        <source>Start the questionnaire</source>
        <translation>Empezar el cuestionario</translation>
    </message>
    <message>
        <source>I&apos;m at the clinic</source>
        <translation>Estoy en la clínica</translation>
    </message>
    <message>
        <source>Learn about your spine and the treatments</source>
        <translation>Aprenda sobre su columna y los tratamientos</translation>
    </message>
    <message>
        <source>Learn about your spine</source>
        <translation>Aprenda sobre su columna</translation>
    </message>
    <message>
        <source>my-spine-answers</source>
        <translation>mis-respuestas-columna</translation>
    </message>
    <message>
        <source>Save your answers</source>
        <translation>Guardar sus respuestas</translation>
    </message>
    <message>
        <source>Answers file (*.json)</source>
        <translation>Archivo de respuestas (*.json)</translation>
    </message>
    <message>
        <source>Your answers are saved in %1. Bring this file to your visit.</source>
        <translation>Sus respuestas están guardadas en %1. Traiga este archivo a su cita.</translation>
    </message>
    <message>
        <source>Your answers could not be saved: %1</source>
        <translation>No se pudieron guardar sus respuestas: %1</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::NumberQuestion</name>
    <message>
        <source>%1, in %2</source>
        <translation>%1, en %2</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::PinDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>Acceso del personal</translation>
    </message>
    <message>
        <source>Enter the staff PIN or passphrase.</source>
        <translation>Escriba el PIN o la frase de acceso del personal.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Enter the staff PIN first.</source>
        <translation>Primero escriba el PIN del personal.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left before the console locks until the PIN is reset.</source>
        <translation>PIN incorrecto. Queda 1 intento antes de que la consola se bloquee hasta que se restablezca el PIN.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left before the console locks until the PIN is reset.</source>
        <translation>
            <numerusform>PIN incorrecto. Queda %n intento antes de que la consola se bloquee hasta que se restablezca el PIN.</numerusform>
            <numerusform>PIN incorrecto. Quedan %n intentos antes de que la consola se bloquee hasta que se restablezca el PIN.</numerusform>
        </translation>
    </message>
    <message>
        <source>The staff PIN has been reset. Press Cancel, then Staff again, to set a new one with the reset code.</source>
        <translation>El PIN del personal se restableció. Pulse Cancelar y luego Personal otra vez para establecer uno nuevo con el código de restablecimiento.</translation>
    </message>
    <message>
        <source>The PIN could not be checked: %1</source>
        <translation>No se pudo comprobar el PIN: %1</translation>
    </message>
    <message>
        <source>The staff console is locked after %1 wrong PINs in a row. It opens again once the PIN is reset: ask IT to run spinepath-cli db reset-pin on this computer.</source>
        <translation>La consola del personal está bloqueada tras %1 PIN incorrectos seguidos. Se abrirá otra vez cuando se restablezca el PIN: pida a informática que ejecute spinepath-cli db reset-pin en esta computadora.</translation>
    </message>
    <message>
        <source>Too many tries. Try again in %1.</source>
        <translation>Demasiados intentos. Vuelva a intentarlo en %1.</translation>
    </message>
    <message>
        <source>Try again in %1.</source>
        <translation>Vuelva a intentarlo en %1.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::QuestionWidget</name>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (opcional)</translation>
    </message>
    <message>
        <source>What does this mean?</source>
        <translation>¿Qué significa esto?</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explicación</translation>
    </message>
    <message>
        <source>Please answer this question to go on.</source>
        <translation>Por favor, responda esta pregunta para seguir.</translation>
    </message>
    <message>
        <source>Please give an answer from %1 to %2.</source>
        <translation>Por favor, dé una respuesta de %1 a %2.</translation>
    </message>
    <message>
        <source>Please give an answer of %1 or more.</source>
        <translation>Por favor, dé una respuesta de %1 o más.</translation>
    </message>
    <message>
        <source>Please give an answer of %1 or less.</source>
        <translation>Por favor, dé una respuesta de %1 o menos.</translation>
    </message>
    <message>
        <source>Please give one of these answers: %1.</source>
        <translation>Por favor, dé una de estas respuestas: %1.</translation>
    </message>
    <message numerus="yes">
        <source>This answer is too short. Please use at least %n characters.</source>
        <translation>
            <numerusform>Esta respuesta es demasiado corta. Por favor, use al menos %n carácter.</numerusform>
            <numerusform>Esta respuesta es demasiado corta. Por favor, use al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please type the answer in this form: %1</source>
        <translation>Por favor, escriba la respuesta de esta forma: %1</translation>
    </message>
    <message>
        <source>This answer is not in the form this question asks for. Please check it.</source>
        <translation>Esta respuesta no tiene la forma que pide la pregunta. Por favor, revísela.</translation>
    </message>
    <message>
        <source>This answer is too long. Please use at most %1 characters.</source>
        <translation>Esta respuesta es demasiado larga. Por favor, use como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>Please type a number.</source>
        <translation>Por favor, escriba un número.</translation>
    </message>
    <message>
        <source>Please type a number, then its unit if it has one (for example: 72 kg).</source>
        <translation>Por favor, escriba un número y luego su unidad si la tiene (por ejemplo: 72 kg).</translation>
    </message>
    <message>
        <source>Please type a date like 2026-03-15.</source>
        <translation>Por favor, escriba una fecha así: 2026-03-15.</translation>
    </message>
    <message>
        <source>Please type a date and time like 2026-03-15 14:30.</source>
        <translation>Por favor, escriba una fecha y hora así: 2026-03-15 14:30.</translation>
    </message>
    <message>
        <source>Please type a time like 14:30.</source>
        <translation>Por favor, escriba una hora así: 14:30.</translation>
    </message>
    <message>
        <source>This question asks for a file, which cannot be given here. Please ask the staff.</source>
        <translation>Esta pregunta pide un archivo, que no se puede dar aquí. Por favor, pregunte al personal.</translation>
    </message>
    <message>
        <source>This answer cannot be used. Please check it.</source>
        <translation>No se puede usar esta respuesta. Por favor, revísela.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::QuestionnairePreview</name>
    <message>
        <source>Preview: %1</source>
        <extracomment>The window title of spinepath --preview; %1 is the questionnaire&apos;s title</extracomment>
        <translation>Vista previa: %1</translation>
    </message>
    <message>
        <source>Preview of a questionnaire: answers are not stored.</source>
        <translation>Vista previa de un cuestionario: las respuestas no se guardan.</translation>
    </message>
    <message>
        <source>The answers as a FHIR QuestionnaireResponse</source>
        <translation>Las respuestas como FHIR QuestionnaireResponse</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Done. SpinePath would store this response (status &quot;completed&quot;); the preview stores nothing.</source>
        <translation>Listo. SpinePath guardaría esta respuesta (estado &quot;completed&quot;); la vista previa no guarda nada.</translation>
    </message>
    <message>
        <source>Not complete (%1), so this response is &quot;in-progress&quot;. The preview stores nothing.</source>
        <translation>No está completo (%1), así que esta respuesta queda &quot;in-progress&quot;. La vista previa no guarda nada.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::QuestionnaireView</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Progress through the questionnaire</source>
        <translation>Avance en el cuestionario</translation>
    </message>
    <message>
        <source>Go back to the previous section</source>
        <translation>Volver a la sección anterior</translation>
    </message>
    <message>
        <source>Section %1 of %2: %3</source>
        <translation>Sección %1 de %2: %3</translation>
    </message>
    <message>
        <source>See my results</source>
        <translation>Ver mis resultados</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Finish the questionnaire (%1)</source>
        <translation>Terminar el cuestionario (%1)</translation>
    </message>
    <message>
        <source>Go to the next section (%1)</source>
        <translation>Ir a la sección siguiente (%1)</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::RepeatingGroupView</name>
    <message>
        <source>Add another</source>
        <translation>Agregar otro</translation>
    </message>
    <message>
        <source>Add another: %1</source>
        <extracomment>%1 is what the group asks about, e.g. &quot;Medicines you take&quot;</extracomment>
        <translation>Agregar otro: %1</translation>
    </message>
    <message>
        <source>%1, number %2</source>
        <extracomment>One of several answers to a group that repeats: %1 is the group, %2 its number (1, 2, ...)</extracomment>
        <translation>%1, número %2</translation>
    </message>
    <message>
        <source>Number %1</source>
        <translation>Número %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::RepeatingValueQuestion</name>
    <message>
        <source>Add another answer</source>
        <translation>Agregar otra respuesta</translation>
    </message>
    <message>
        <source>Add another answer: %1</source>
        <extracomment>%1 is the question, e.g. &quot;Which medicines do you take?&quot;</extracomment>
        <translation>Agregar otra respuesta: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>%1, answer %2</source>
        <extracomment>A screen reader&apos;s name for one answer of a question answered several times, e.g. &quot;Medicines, answer 2&quot;</extracomment>
        <translation>%1, respuesta %2</translation>
    </message>
    <message>
        <source>Remove answer %1</source>
        <translation>Quitar la respuesta %1</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::ReportActions</name>
    <message>
        <source>Physician summary</source>
        <translation>Resumen para el médico</translation>
    </message>
    <message>
        <source>Patient copy</source>
        <translation>Copia del paciente</translation>
    </message>
    <message>
        <source>The %1 could not be printed: %2</source>
        <translation>No se pudo imprimir: %1. %2</translation>
    </message>
    <message>
        <source>Print preview: %1</source>
        <translation>Vista previa de impresión: %1</translation>
    </message>
    <message>
        <source>The %1 was not printed: this computer has no default printer.</source>
        <translation>No se imprimió: %1. Esta computadora no tiene impresora predeterminada.</translation>
    </message>
    <message>
        <source>The %1 was not printed: the printer %2 is not installed.</source>
        <translation>No se imprimió: %1. La impresora %2 no está instalada.</translation>
    </message>
    <message>
        <source>The %1 was sent to the printer.</source>
        <translation>Enviado a la impresora: %1.</translation>
    </message>
    <message>
        <source>Save %1 as PDF</source>
        <translation>Guardar como PDF: %1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the %1 as %2.</source>
        <translation>Guardado: %1, como %2.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::ResultsPage</name>
    <message>
        <source>Your answers and what comes next</source>
        <translation>Sus respuestas y lo que sigue</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>Leer: %1</translation>
    </message>
    <message>
        <source>Print or save my copy</source>
        <translation>Imprimir o guardar mi copia</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Take your answers to your visit</source>
        <translation>Lleve sus respuestas a su cita</translation>
    </message>
    <message>
        <source>Print your copy, or save it as a PDF. It has a square code with all your answers. At the front desk, staff scan it, so you do not have to answer again. Anyone who has the page can read your answers, so keep it safe.</source>
        <translation>Imprima su copia o guárdela como PDF. Tiene un código cuadrado con todas sus respuestas. En la recepción, el personal lo escanea, así no tiene que responder otra vez. Cualquier persona que tenga la hoja puede leer sus respuestas, así que guárdela bien.</translation>
    </message>
    <message>
        <source>You can also save your answers as a file, to bring on a USB stick.</source>
        <translation>También puede guardar sus respuestas en un archivo y traerlo en una memoria USB.</translation>
    </message>
    <message>
        <source>Print or save the page with the code</source>
        <translation>Imprimir o guardar la hoja con el código</translation>
    </message>
    <message>
        <source>Save my answers as a file</source>
        <translation>Guardar mis respuestas en un archivo</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::ScaleQuestion</name>
    <message>
        <source>%1 means %2.</source>
        <translation>%1 significa %2.</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::SetPinDialog</name>
    <message>
        <source>Set the PIN</source>
        <translation>Establecer el PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Choose the staff PIN</source>
        <translation>Elija el PIN del personal</translation>
    </message>
    <message>
        <source>Staff need this PIN to leave the kiosk and to open the staff console. Patients cannot do either without it, so keep it among staff.</source>
        <translation>El personal necesita este PIN para salir del quiosco y abrir la consola del personal. Los pacientes no pueden hacer ninguna de las dos cosas sin él; por eso, guárdelo solo entre el personal.</translation>
    </message>
    <message numerus="yes">
        <source>No staff PIN is set. To set one, run this command on this computer (or over SSH). Enter the code it prints here, within %n minutes, with the new PIN.</source>
        <translation>
            <numerusform>No hay un PIN del personal. Para establecer uno, ejecute este comando en esta computadora (o por SSH). Escriba aquí el código que muestra, antes de %n minuto, junto con el PIN nuevo.</numerusform>
            <numerusform>No hay un PIN del personal. Para establecer uno, ejecute este comando en esta computadora (o por SSH). Escriba aquí el código que muestra, antes de %n minutos, junto con el PIN nuevo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset code</source>
        <translation>Código de restablecimiento</translation>
    </message>
    <message>
        <source>Use at least %1 characters: a PIN of digits, or a passphrase. Not one character repeated, and not digits in a row such as 123456.</source>
        <translation>Use al menos %1 caracteres: un PIN de números o una frase de acceso. No repita un solo carácter ni use números seguidos como 123456.</translation>
    </message>
    <message>
        <source>New PIN or passphrase</source>
        <translation>PIN o frase de acceso nuevos</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Lo mismo otra vez</translation>
    </message>
    <message>
        <source>Confirm the PIN</source>
        <translation>Confirme el PIN</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>Demasiado corto: use al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>Too easy to guess: do not use one character repeated, such as 111111.</source>
        <translation>Demasiado fácil de adivinar: no repita un solo carácter, como 111111.</translation>
    </message>
    <message>
        <source>Too easy to guess: do not use digits in a row, such as 123456.</source>
        <translation>Demasiado fácil de adivinar: no use números seguidos, como 123456.</translation>
    </message>
    <message>
        <source>The two entries are not the same. Type the same PIN in both fields.</source>
        <translation>Las dos entradas no son iguales. Escriba el mismo PIN en ambos campos.</translation>
    </message>
    <message>
        <source>The PIN could not be stored: %1</source>
        <translation>No se pudo guardar el PIN: %1</translation>
    </message>
    <message>
        <source>Enter the reset code first: run the command above to get one.</source>
        <translation>Primero escriba el código de restablecimiento: ejecute el comando de arriba para obtener uno.</translation>
    </message>
    <message>
        <source>Try again in %1.</source>
        <translation>Vuelva a intentarlo en %1.</translation>
    </message>
    <message>
        <source>Wrong reset code. Check it and type it again.</source>
        <translation>Código de restablecimiento incorrecto. Revíselo y escríbalo otra vez.</translation>
    </message>
    <message>
        <source>Too many wrong codes.</source>
        <translation>Demasiados códigos incorrectos.</translation>
    </message>
    <message>
        <source>No reset code is waiting. Run the command above to get one.</source>
        <translation>No hay ningún código de restablecimiento pendiente. Ejecute el comando de arriba para obtener uno.</translation>
    </message>
    <message numerus="yes">
        <source>The reset code has expired: a code works for %n minutes. Run the command above for a new one.</source>
        <translation>
            <numerusform>El código de restablecimiento caducó: un código sirve durante %n minuto. Ejecute el comando de arriba para obtener uno nuevo.</numerusform>
            <numerusform>El código de restablecimiento caducó: un código sirve durante %n minutos. Ejecute el comando de arriba para obtener uno nuevo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spinepath::ui::SettingsPage</name>
    <message>
        <source>Clinic settings</source>
        <translation>Ajustes de la clínica</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>seconds (%1)</source>
        <translation>segundos (%1)</translation>
    </message>
    <message>
        <source>minutes (%1)</source>
        <translation>minutos (%1)</translation>
    </message>
    <message>
        <source>days (%1, or 0 to keep all)</source>
        <translation>días (%1, o 0 para conservar todo)</translation>
    </message>
    <message>
        <source>0 keeps every assessment; otherwise from %1 days.</source>
        <translation>0 conserva todas las evaluaciones; si no, desde %1 días.</translation>
    </message>
    <message>
        <source>A4 (210 x 297 mm)</source>
        <translation>A4 (210 x 297 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 x 11 in)</source>
        <translation>Carta EE. UU. (8,5 x 11 pulg.)</translation>
    </message>
    <message>
        <source>The computer&apos;s default printer</source>
        <translation>La impresora predeterminada de la computadora</translation>
    </message>
    <message>
        <source>SpinePath</source>
        <translation>SpinePath</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 con la versión %2</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n articles</source>
        <translation>
            <numerusform>%n artículo</numerusform>
            <numerusform>%n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>Show each article</source>
        <translation>Mostrar cada artículo</translation>
    </message>
    <message>
        <source>Hide the list</source>
        <translation>Ocultar la lista</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>no abierta</translation>
    </message>
    <message>
        <source>Content folder</source>
        <translation>Carpeta de contenido</translation>
    </message>
    <message>
        <source>The settings cannot be changed because the database is not open. %1</source>
        <translation>Los ajustes no se pueden cambiar porque la base de datos no está abierta. %1</translation>
    </message>
    <message>
        <source>A stored setting could not be read: %1 The form shows the default; save to replace it.</source>
        <translation>No se pudo leer un ajuste guardado: %1 El formulario muestra el valor predeterminado; guarde para reemplazarlo.</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (no instalada)</translation>
    </message>
    <message>
        <source>Idle time must be from %1 to %2 seconds.</source>
        <translation>El tiempo de inactividad debe ser de %1 a %2 segundos.</translation>
    </message>
    <message>
        <source>The countdown must be from %1 to %2 seconds.</source>
        <translation>La cuenta regresiva debe ser de %1 a %2 segundos.</translation>
    </message>
    <message>
        <source>The console lock must be from %1 to %2 minutes.</source>
        <translation>El bloqueo de la consola debe ser de %1 a %2 minutos.</translation>
    </message>
    <message>
        <source>Retention must be 0 (keep everything) or from %1 to %2 days. A shorter time would delete assessments that may still be needed.</source>
        <translation>La conservación debe ser 0 (conservar todo) o de %1 a %2 días. Un tiempo más corto eliminaría evaluaciones que todavía pueden hacer falta.</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>No guardado. %1</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>Los ajustes no se guardaron: %1</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Ajustes guardados.</translation>
    </message>
    <message>
        <source>The computer&apos;s language</source>
        <translation>El idioma de la computadora</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The welcome page starts in this language; at the kiosk it returns to it after each patient.</source>
        <translation>La página de bienvenida empieza en este idioma; el quiosco vuelve a él después de cada paciente.</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1 (no abierta)</translation>
    </message>
    <message>
        <source>the command line (--db)</source>
        <translation>la línea de comandos (--db)</translation>
    </message>
    <message>
        <source>the environment (SPINEPATH_DB)</source>
        <translation>el entorno (SPINEPATH_DB)</translation>
    </message>
    <message>
        <source>this computer&apos;s setting</source>
        <translation>el ajuste de esta computadora</translation>
    </message>
    <message>
        <source>the default file</source>
        <translation>el archivo predeterminado</translation>
    </message>
    <message>
        <source>Chosen by</source>
        <translation>Elegida por</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Change the database</source>
        <translation>Cambiar la base de datos</translation>
    </message>
    <message>
        <source>This computer&apos;s database: a file, or the clinic&apos;s PostgreSQL server. Used from the next start.</source>
        <translation>La base de datos de esta computadora: un archivo, o el servidor PostgreSQL de la clínica. Se usa desde el próximo inicio.</translation>
    </message>
    <message>
        <source>SpinePath was started with --db, which comes before this computer&apos;s setting.</source>
        <translation>SpinePath se inició con --db, que tiene prioridad sobre el ajuste de esta computadora.</translation>
    </message>
    <message>
        <source>This computer&apos;s setting, %1, is not used: SpinePath was started with --db, which comes first.</source>
        <translation>El ajuste de esta computadora, %1, no se usa: SpinePath se inició con --db, que tiene prioridad.</translation>
    </message>
    <message>
        <source>SPINEPATH_DB names the database, and comes before this computer&apos;s setting.</source>
        <translation>SPINEPATH_DB indica la base de datos y tiene prioridad sobre el ajuste de esta computadora.</translation>
    </message>
    <message>
        <source>This computer&apos;s setting, %1, is not used: SPINEPATH_DB names the database, and comes first.</source>
        <translation>El ajuste de esta computadora, %1, no se usa: SPINEPATH_DB indica la base de datos y tiene prioridad.</translation>
    </message>
    <message>
        <source>From the next start: %1. Restart SpinePath to use it.</source>
        <translation>Desde el próximo inicio: %1. Reinicie SpinePath para usarla.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::StaffConsole</name>
    <message>
        <source>Staff console</source>
        <translation>Consola del personal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>The staff console cannot show assessments: the database could not be opened. %1</source>
        <translation>La consola del personal no puede mostrar evaluaciones: no se pudo abrir la base de datos. %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>All assessments</source>
        <translation>Todas las evaluaciones</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>Exportar selección…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Questionnaire %1 version %2 · Rules %3 version %4 · </source>
        <translation>Cuestionario %1 versión %2 · Reglas %3 versión %4 · </translation>
    </message>
    <message>
        <source>SpinePath %1</source>
        <translation>SpinePath %1</translation>
    </message>
    <message>
        <source>Today&apos;s queue</source>
        <translation>Lista de hoy</translation>
    </message>
    <message>
        <source>Alert acknowledged.</source>
        <translation>Alerta atendida.</translation>
    </message>
    <message>
        <source>Alert acknowledged, but the audit log could not record it: %1</source>
        <translation>Alerta atendida, pero el registro de auditoría no pudo guardarlo: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln assessment(s) today, %1 urgent (at the top).</source>
        <translation>
            <numerusform>%Ln evaluación hoy, %1 urgentes (arriba).</numerusform>
            <numerusform>%Ln evaluaciones hoy, %1 urgentes (arriba).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln assessment(s) today.</source>
        <translation>
            <numerusform>%Ln evaluación hoy.</numerusform>
            <numerusform>%Ln evaluaciones hoy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %Ln are shown.</source>
        <translation>
            <numerusform>Se muestra solo %Ln.</numerusform>
            <numerusform>Se muestran las primeras %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %Ln more</source>
        <translation>
            <numerusform>Mostrar %Ln más</numerusform>
            <numerusform>Mostrar %Ln más</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln assessment(s) found.</source>
        <translation>
            <numerusform>%Ln evaluación encontrada.</numerusform>
            <numerusform>%Ln evaluaciones encontradas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The summary could not be printed automatically: %1</source>
        <translation>El resumen no se pudo imprimir automáticamente: %1</translation>
    </message>
    <message>
        <source>the assessment has no result yet.</source>
        <translation>la evaluación aún no tiene resultado.</translation>
    </message>
    <message>
        <source>Select the assessments to export first (Ctrl or Shift selects several).</source>
        <translation>Primero seleccione las evaluaciones que quiere exportar (Ctrl o Mayús selecciona varias).</translation>
    </message>
    <message>
        <source>Export assessments</source>
        <translation>Exportar evaluaciones</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n assessment(s) to %1.</source>
        <translation>
            <numerusform>Se exportó %n evaluación a %1.</numerusform>
            <numerusform>Se exportaron %n evaluaciones a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet scored</source>
        <translation>Aún sin puntuar</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>Import answers…</source>
        <translation>Importar respuestas…</translation>
    </message>
    <message>
        <source>Answers cannot be imported while the database or the content is not ready.</source>
        <translation>No se pueden importar respuestas mientras la base de datos o el contenido no estén listos.</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::StillTherePrompt</name>
    <message>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message numerus="yes">
        <source>To keep your answers private, this screen will clear in %n second(s).</source>
        <translation>
            <numerusform>Para proteger sus respuestas, esta pantalla se borrará en %n segundo.</numerusform>
            <numerusform>Para proteger sus respuestas, esta pantalla se borrará en %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spinepath::ui::TextSizeChooser</name>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Tamaño de texto normal</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Texto grande</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::ThankYouPage</name>
    <message>
        <source>Thank you. You are all done.</source>
        <translation>Gracias. Ya terminó.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::UnsentAnswersBanner</name>
    <message numerus="yes">
        <source>The kiosk %1 holds %Ln answer set(s) it could not send to the server yet (the oldest from %2).</source>
        <translation>
            <numerusform>El quiosco %1 guarda %Ln conjunto de respuestas que aún no pudo enviar al servidor (de %2).</numerusform>
            <numerusform>El quiosco %1 guarda %Ln conjuntos de respuestas que aún no pudo enviar al servidor (el más antiguo, de %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>The kiosk %1 has not reached the server since %2. Answers given there wait on it until it does: check its network.</source>
        <translation>El quiosco %1 no se conecta con el servidor desde %2. Las respuestas dadas allí esperan en él hasta que lo haga: revise su red.</translation>
    </message>
    <message>
        <source>Kiosks with answers not on the server</source>
        <translation>Quioscos con respuestas que aún no están en el servidor</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::YesNoQuestion</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>spinepath::ui::YesNoRowQuestion</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
</TS>
