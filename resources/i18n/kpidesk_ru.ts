<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>New company…</source>
        <translation>Новая компания…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Недавние файлы</translation>
    </message>
    <message>
        <source>Import workbook…</source>
        <translation>Импорт из Excel…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт в Excel…</translation>
    </message>
    <message>
        <source>Backup now</source>
        <translation>Резервная копия сейчас</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Восстановить из копии…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Не удалось открыть файл</translation>
    </message>
    <message>
        <source>New company file</source>
        <translation>Файл новой компании</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>Новая компания</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Название компании:</translation>
    </message>
    <message>
        <source>Cannot create the company</source>
        <translation>Не удалось создать компанию</translation>
    </message>
    <message>
        <source>Open company</source>
        <translation>Открыть компанию</translation>
    </message>
    <message>
        <source>Import workbook</source>
        <translation>Импорт книги Excel</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>Экспорт в книгу Excel</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Выгружено в %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Резервное копирование не удалось</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Резервная копия сохранена: %1</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Replace the company in %1 with the backup %2? The current state is backed up first.</source>
        <translation>Заменить данные компании в %1 резервной копией %2? Текущее состояние будет предварительно сохранено.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Восстановление не удалось</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>Импорт %1</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Проверка %1…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Импорт %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>No problems found. The import will change:</source>
        <translation>Ошибок не найдено. Импорт изменит:</translation>
    </message>
    <message>
        <source>No problems found, and nothing to change: this data is already in the company.</source>
        <translation>Ошибок не найдено, изменять нечего: эти данные уже есть в компании.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>Импортирован файл %1.</translation>
    </message>
    <message>
        <source>Nothing was changed. Fix the cells below and import again.</source>
        <translation>Ничего не изменено. Исправьте ячейки ниже и повторите импорт.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Магазин:</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>About kpidesk</source>
        <translation>О программе kpidesk</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Все магазины</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>База: %1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Резервных копий ещё нет</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>Последняя копия: %1</translation>
    </message>
    <message>
        <source>Problems in %1: %2</source>
        <translation>Проблем за %1: %2</translation>
    </message>
    <message>
        <source>kpidesk %1 — offline KPI matrices, daily store data and bonus sheets.</source>
        <translation>kpidesk %1 — матрицы KPI, ежедневные данные магазинов и премиальные листы без интернета.</translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <source>Previous period (Ctrl+PgUp)</source>
        <translation>Предыдущий период (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>Next period (Ctrl+PgDown)</source>
        <translation>Следующий период (Ctrl+PgDown)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Folder for company files:</source>
        <translation>Папка для файлов компаний:</translation>
    </message>
    <message>
        <source>Open company file:</source>
        <translation>Открытый файл компании:</translation>
    </message>
    <message>
        <source>Folder for company files</source>
        <translation>Папка для файлов компаний</translation>
    </message>
    <message>
        <source>The language changes the next time kpidesk starts.</source>
        <translation>Язык сменится при следующем запуске kpidesk.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to kpidesk</source>
        <translation>Добро пожаловать в kpidesk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to kpidesk&lt;/h2&gt;&lt;p&gt;KPI matrices, daily store data and bonus sheets — offline, in one file on this computer.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Добро пожаловать в kpidesk&lt;/h2&gt;&lt;p&gt;Матрицы KPI, ежедневные данные магазинов и премиальные листы — без интернета, в одном файле на этом компьютере.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Start an empty company</source>
        <translation>Начать с пустой компании</translation>
    </message>
    <message>
        <source>Create a new company file and fill in stores, employees and matrices.</source>
        <translation>Создать новый файл компании и заполнить магазины, сотрудников и матрицы.</translation>
    </message>
    <message>
        <source>Open the demo company</source>
        <translation>Открыть демо-компанию</translation>
    </message>
    <message>
        <source>Three stores, fifteen employees, three months of data to try everything.</source>
        <translation>Три магазина, пятнадцать сотрудников и данные за три месяца, чтобы всё попробовать.</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>Импорт из Excel</translation>
    </message>
    <message>
        <source>Create a company from a filled interchange workbook (.xlsx).</source>
        <translation>Создать компанию из заполненной книги обмена (.xlsx).</translation>
    </message>
    <message>
        <source>New company file</source>
        <translation>Файл новой компании</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>Новая компания</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Название компании:</translation>
    </message>
    <message>
        <source>Import workbook</source>
        <translation>Импорт книги Excel</translation>
    </message>
</context>
</TS>