<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>AdoptDialog</name>
    <message>
        <source>Import from your own workbook: %1</source>
        <translation>Импорт из своей таблицы: %1</translation>
    </message>
    <message>
        <source>e.g. 2026-10</source>
        <translation>например, 2026-10</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Сотрудник:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>Columns of the sheet and what they hold:</source>
        <translation>Столбцы листа и что в них:</translation>
    </message>
    <message>
        <source>Table row</source>
        <translation>Строка таблицы</translation>
    </message>
    <message>
        <source>Column in the sheet</source>
        <translation>Столбец на листе</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Rows as they will be imported:</source>
        <translation>Строки, как они будут импортированы:</translation>
    </message>
    <message>
        <source>Apply the corrections</source>
        <translation>Применить исправления</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>A mapping you corrected for a file of this shape is applied.</source>
        <translation>Применено ваше исправленное сопоставление для файлов такого вида.</translation>
    </message>
    <message>
        <source>Check what was recognised in %1, correct it where needed, then import.</source>
        <translation>Проверьте, что распознано в %1, исправьте, где нужно, и импортируйте.</translation>
    </message>
    <message>
        <source>%1 — matrix: %2</source>
        <translation>%1 — матрица: %2</translation>
    </message>
    <message>
        <source>%1 — daily log, %2 days</source>
        <translation>%1 — ежедневный журнал, дней: %2</translation>
    </message>
    <message>
        <source>%1 — left out</source>
        <translation>%1 — пропущен</translation>
    </message>
    <message>
        <source>%1 — not understood</source>
        <translation>%1 — не распознан</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Магазин:</translation>
    </message>
    <message>
        <source>— not used —</source>
        <translation>— не используется —</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>База</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>Норма</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Index (recomputed)</source>
        <translation>Индекс (пересчитывается)</translation>
    </message>
    <message>
        <source>Weighted index (ignored)</source>
        <translation>Взвешенный индекс (не используется)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Посетители</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Единицы</translation>
    </message>
    <message>
        <source>Index method</source>
        <translation>Метод индекса</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>шкала</translation>
    </message>
    <message>
        <source>fact / norm</source>
        <translation>факт / норма</translation>
    </message>
    <message>
        <source>yes / no</source>
        <translation>да / нет</translation>
    </message>
    <message>
        <source>'%1' is not a period (e.g. 2026-10).</source>
        <translation>«%1» — не период (например, 2026-10).</translation>
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
        <source>Imported %1.</source>
        <translation>Импортирован файл %1.</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>KPI of %1 differs: the sheet %2, kpidesk %3 (check the sheet's formulas).</source>
        <translation>KPI сотрудника %1 расходится: на листе %2, в kpidesk %3 (проверьте формулы листа).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>Analytics</name>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>pp</source>
        <translation>п.п.</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Посетители</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Units per receipt</source>
        <translation>Товаров в чеке</translation>
    </message>
    <message>
        <source>Revenue per visitor</source>
        <translation>Выручка на посетителя</translation>
    </message>
    <message>
        <source>Sales dynamics</source>
        <translation>Динамика продаж</translation>
    </message>
    <message>
        <source>Plan completion</source>
        <translation>Выполнение плана</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
</context>
<context>
    <name>AuditSection</name>
    <message>
        <source>Audit log</source>
        <translation>Журнал изменений</translation>
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
        <source>Employee:</source>
        <translation>Сотрудник:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>any period</source>
        <translation>любой период</translation>
    </message>
    <message>
        <source>any store</source>
        <translation>любой магазин</translation>
    </message>
    <message>
        <source>any employee</source>
        <translation>любой сотрудник</translation>
    </message>
    <message>
        <source>any kind</source>
        <translation>любой вид</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>Записей: %1</translation>
    </message>
    <message>
        <source>(the newest shown)</source>
        <translation>(показаны самые новые)</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>added</source>
        <translation>добавлено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>переименовано</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>в архиве</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>открыт повторно</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>настройки</translation>
    </message>
    <message>
        <source>daily data</source>
        <translation>данные за день</translation>
    </message>
    <message>
        <source>seller's day</source>
        <translation>день продавца</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>факт</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>план</translation>
    </message>
    <message>
        <source>period input</source>
        <translation>данные периода</translation>
    </message>
    <message>
        <source>matrix</source>
        <translation>матрица</translation>
    </message>
    <message>
        <source>period</source>
        <translation>период</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>сотрудник</translation>
    </message>
    <message>
        <source>store</source>
        <translation>магазин</translation>
    </message>
    <message>
        <source>department</source>
        <translation>отдел</translation>
    </message>
    <message>
        <source>position</source>
        <translation>должность</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>показатель</translation>
    </message>
    <message>
        <source>payout schedule</source>
        <translation>шкала премирования</translation>
    </message>
    <message>
        <source>company</source>
        <translation>компания</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>выручка</translation>
    </message>
    <message>
        <source>receipts</source>
        <translation>чеки</translation>
    </message>
    <message>
        <source>visitors</source>
        <translation>посетители</translation>
    </message>
    <message>
        <source>units</source>
        <translation>единицы</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>возвраты</translation>
    </message>
    <message>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <source>added %1 rows: %2</source>
        <translation>добавлено строк: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>строк: %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>Became</source>
        <translation>Стало</translation>
    </message>
</context>
<context>
    <name>BonusSection</name>
    <message>
        <source>Bonus sheets</source>
        <translation>Расчётные листы</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <source>Export xlsx…</source>
        <translation>Экспорт в xlsx…</translation>
    </message>
    <message>
        <source>For payroll (1C)…</source>
        <translation>Для зарплаты (1С)…</translation>
    </message>
    <message>
        <source>The accruals of the complete sheets (fixed pay, KPI bonus) as a table for 1C:ZUP or another payroll program</source>
        <translation>Начисления полных расчётов (оклад, премия по KPI) таблицей для 1С:ЗУП или другой зарплатной программы</translation>
    </message>
    <message>
        <source>With explanations</source>
        <translation>С пояснениями</translation>
    </message>
    <message>
        <source>Add a page section explaining how each number was obtained</source>
        <translation>Добавить в лист пояснение, как получено каждое число</translation>
    </message>
    <message>
        <source>Bonus sheets for %1</source>
        <translation>Расчётные листы премии за %1</translation>
    </message>
    <message>
        <source>Nobody works in this period (or in this store).</source>
        <translation>В этом периоде (или в этом магазине) нет сотрудников.</translation>
    </message>
    <message>
        <source>The period is not locked: sheets print as drafts.</source>
        <translation>Период не закрыт: листы печатаются как черновики.</translation>
    </message>
    <message>
        <source>%1 incomplete matrix(es): their sheets are drafts without a bonus.</source>
        <translation>Неполных матриц: %1 — их листы печатаются как черновики без премии.</translation>
    </message>
    <message>
        <source>Bonus sheets — preview</source>
        <translation>Расчётные листы — предпросмотр</translation>
    </message>
    <message>
        <source>Print bonus sheets</source>
        <translation>Печать расчётных листов</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save bonus sheets as PDF</source>
        <translation>Сохранить расчётные листы в PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the bonus sheets…</source>
        <translation>Сохранение расчётных листов…</translation>
    </message>
    <message>
        <source>Saved %1 page(s) to %2</source>
        <translation>Сохранено страниц: %1 — в %2</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Отменено: файл не записан.</translation>
    </message>
    <message>
        <source>Export bonus workbook</source>
        <translation>Экспорт книги премий</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the bonus workbook…</source>
        <translation>Выгрузка книги премий…</translation>
    </message>
    <message>
        <source>Export for payroll</source>
        <translation>Выгрузка для зарплаты</translation>
    </message>
    <message>
        <source>%1 sheet(s) are incomplete and will be left out: %2. Export the complete sheets only?</source>
        <translation>Неполных расчётов: %1, они не попадут в выгрузку: %2. Выгрузить только полные расчёты?</translation>
    </message>
    <message>
        <source>CSV for other programs (*.csv)</source>
        <translation>CSV для других программ (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the accruals…</source>
        <translation>Выгрузка начислений…</translation>
    </message>
    <message>
        <source>Exported %1 accrual(s) of %2 employee(s), total %3, to %4</source>
        <translation>Выгружено начислений: %1 (сотрудников: %2), итого %3, в файл %4</translation>
    </message>
    <message>
        <source>Without a personnel number: %1.</source>
        <translation>Без табельного номера: %1.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Выгружено в %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>BonusSheet</name>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>База</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>Норма</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Взвеш.</translation>
    </message>
    <message>
        <source>Share of the target bonus</source>
        <translation>Доля целевой премии</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Коэффициент</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Bonus: the sum of the amounts</source>
        <translation>Премия: сумма выплат</translation>
    </message>
    <message>
        <source>KPI %1; per-indicator payout: each indicator pays its share of the target bonus × its own coefficient (the table below).</source>
        <translation>KPI %1; выплата по каждому показателю: показатель платит свою долю целевой премии × свой коэффициент (таблица ниже).</translation>
    </message>
    <message>
        <source>Bonus (the sum of the indicators' amounts)</source>
        <translation>Премия (сумма выплат по показателям)</translation>
    </message>
    <message>
        <source>Fixed pay for the half-month (%1 a month)</source>
        <translation>Оклад за полмесяца (в месяц %1)</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Факты</translation>
    </message>
    <message>
        <source>Fixed pay for the half-month</source>
        <translation>Оклад за полмесяца</translation>
    </message>
    <message>
        <source>Target bonus for the half-month</source>
        <translation>Целевая премия за полмесяца</translation>
    </message>
    <message>
        <source>%1: payout</source>
        <translation>%1: выплата</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Премия</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>no fact</source>
        <translation>нет факта</translation>
    </message>
    <message>
        <source>%1: index</source>
        <translation>%1: индекс</translation>
    </message>
    <message>
        <source>%1: weighted</source>
        <translation>%1: взвешенный индекс</translation>
    </message>
    <message>
        <source>Payout coefficient</source>
        <translation>Коэффициент выплаты</translation>
    </message>
    <message>
        <source>Total pay</source>
        <translation>Итого к выплате</translation>
    </message>
    <message>
        <source>Appendix: how each number was obtained</source>
        <translation>Приложение: как получено каждое число</translation>
    </message>
    <message>
        <source>KPI %1 → payout coefficient %2</source>
        <translation>KPI %1 → коэффициент выплаты %2</translation>
    </message>
    <message>
        <source>Bonus (target bonus %1 × %2)</source>
        <translation>Премия (целевая премия %1 × %2)</translation>
    </message>
    <message>
        <source>Fixed pay + bonus = total: %1</source>
        <translation>Оклад + премия = итого: %1</translation>
    </message>
    <message>
        <source>The KPI and the bonus are not computed: %1.</source>
        <translation>KPI и премия не рассчитаны: %1.</translation>
    </message>
    <message>
        <source>Bonus (target bonus %1)</source>
        <translation>Премия (целевая премия %1)</translation>
    </message>
    <message>
        <source>The total is not computed until the matrix is complete.</source>
        <translation>Итог не рассчитывается, пока матрица не заполнена полностью.</translation>
    </message>
    <message>
        <source>Incomplete: %1</source>
        <translation>Расчёт неполный: %1</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>Bonus sheet for %1</source>
        <translation>Расчётный лист премии за %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Personnel number</source>
        <translation>Табельный номер</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>KPI matrix</source>
        <translation>Матрица KPI</translation>
    </message>
    <message>
        <source>Payout rule</source>
        <translation>Правило премирования</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Начисление</translation>
    </message>
    <message>
        <source>Fixed pay</source>
        <translation>Оклад</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>С расчётом ознакомлен(а)</translation>
    </message>
    <message>
        <source>signature / full name</source>
        <translation>подпись / расшифровка подписи</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>ЧЕРНОВИК</translation>
    </message>
    <message>
        <source>Bonus sheets %1</source>
        <translation>Расчётные листы премии %1</translation>
    </message>
    <message>
        <source>January</source>
        <translation>январь</translation>
    </message>
    <message>
        <source>February</source>
        <translation>февраль</translation>
    </message>
    <message>
        <source>March</source>
        <translation>март</translation>
    </message>
    <message>
        <source>April</source>
        <translation>апрель</translation>
    </message>
    <message>
        <source>May</source>
        <translation>май</translation>
    </message>
    <message>
        <source>June</source>
        <translation>июнь</translation>
    </message>
    <message>
        <source>July</source>
        <translation>июль</translation>
    </message>
    <message>
        <source>August</source>
        <translation>август</translation>
    </message>
    <message>
        <source>September</source>
        <translation>сентябрь</translation>
    </message>
    <message>
        <source>October</source>
        <translation>октябрь</translation>
    </message>
    <message>
        <source>November</source>
        <translation>ноябрь</translation>
    </message>
    <message>
        <source>December</source>
        <translation>декабрь</translation>
    </message>
    <message>
        <source>without %1 incomplete sheet</source>
        <translation>без %1 неполного расчёта</translation>
    </message>
    <message>
        <source>without %1 incomplete sheets</source>
        <translation>без %1 неполных расчётов</translation>
    </message>
    <message>
        <source>a computed fact (from daily data, tasks or period inputs) is rounded half up to 0.01 of its unit before the index; a typed-in fact is used as typed</source>
        <translation>факт округлён до 0,01 своей единицы (половина — вверх) до расчёта индекса, если он расчётный (из ежедневных данных, задач или показателей периода); факт, введённый вручную, используется как введён</translation>
    </message>
    <message>
        <source>clamped at the target</source>
        <translation>ограничено целью</translation>
    </message>
    <message>
        <source>clamped at 0</source>
        <translation>ограничено нулём</translation>
    </message>
    <message>
        <source>division by zero: no data</source>
        <translation>деление на ноль: нет данных</translation>
    </message>
    <message>
        <source>base equals norm: invalid row</source>
        <translation>база равна норме: строка некорректна</translation>
    </message>
    <message>
        <source>a fact of 0 is the best result: the cap</source>
        <translation>факт 0 — лучший результат: предел индекса</translation>
    </message>
    <message>
        <source>capped at the maximum</source>
        <translation>ограничено максимумом</translation>
    </message>
    <message>
        <source>per-indicator payout</source>
        <translation>премия по каждому показателю</translation>
    </message>
    <message>
        <source>no payout steps</source>
        <translation>ступени премирования не заданы</translation>
    </message>
    <message>
        <source>no payout steps are set: no bonus</source>
        <translation>ступени премирования не заданы: премия не выплачивается</translation>
    </message>
    <message>
        <source>below %1 — no bonus</source>
        <translation>ниже %1 — премия не выплачивается</translation>
    </message>
    <message>
        <source>from %1 — the target bonus × %2</source>
        <translation>от %1 — целевая премия × %2</translation>
    </message>
    <message>
        <source>Steps: %1</source>
        <translation>Ступенчатая шкала: %1</translation>
    </message>
    <message>
        <source>below %1 — no bonus; from %1 the bonus is the target bonus × KPI, at most %2</source>
        <translation>ниже %1 — премия не выплачивается; от %1 премия = целевая премия × KPI, но не более %2</translation>
    </message>
    <message>
        <source>below %1 — no bonus; from %1 the bonus is the target bonus × KPI, no upper limit</source>
        <translation>ниже %1 — премия не выплачивается; от %1 премия = целевая премия × KPI, без верхнего предела</translation>
    </message>
    <message>
        <source>Per-indicator payout: each indicator pays its share of the target bonus (target bonus × weight) by its own index, and the bonus is the sum of the rows' amounts. For each index: %1</source>
        <translation>Премия по каждому показателю отдельно: каждый показатель оплачивает свою долю целевой премии (целевая премия × вес) по своему индексу, премия — сумма выплат по показателям. Для каждого индекса: %1</translation>
    </message>
    <message>
        <source>index</source>
        <translation>индекс</translation>
    </message>
    <message>
        <source>no KPI matrix</source>
        <translation>нет матрицы KPI</translation>
    </message>
    <message>
        <source>no fact: %1</source>
        <translation>нет факта: %1</translation>
    </message>
    <message>
        <source>errors in the matrix</source>
        <translation>ошибки в матрице</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>проверена</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>утверждена</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <source>checked by %1 %2</source>
        <translation>проверил(а) %1 %2</translation>
    </message>
    <message>
        <source>approved by %1 %2</source>
        <translation>утвердил(а) %1 %2</translation>
    </message>
    <message>
        <source>Pay list: %1</source>
        <translation>Ведомость: %1</translation>
    </message>
    <message>
        <source>(the results changed after it was signed)</source>
        <translation>(расчёт изменился после подписи)</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>полный расчёт</translation>
    </message>
    <message>
        <source>, period locked</source>
        <translation>, период закрыт</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Pers. No.</source>
        <translation>Таб. №</translation>
    </message>
    <message>
        <source>Fixed pay, ₽</source>
        <translation>Оклад, ₽</translation>
    </message>
    <message>
        <source>Bonus, ₽</source>
        <translation>Премия, ₽</translation>
    </message>
    <message>
        <source>Total pay, ₽</source>
        <translation>Итого к выплате, ₽</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>all %1</source>
        <translation>все (%1)</translation>
    </message>
    <message>
        <source>Fixed pay is summed over all %1 employees; the bonus and the total pay over the complete sheets only, %2.</source>
        <translation>Оклад — сумма по всем сотрудникам (%1); премия и итого к выплате — только по полным расчётам, %2.</translation>
    </message>
    <message>
        <source>Every sheet of the list is complete.</source>
        <translation>Все расчёты ведомости полные.</translation>
    </message>
    <message>
        <source>Pay list for %1</source>
        <translation>Ведомость начислений за %1</translation>
    </message>
    <message>
        <source>period locked</source>
        <translation>период закрыт</translation>
    </message>
    <message>
        <source>draft: the period is not locked</source>
        <translation>черновик: период не закрыт</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>all stores</source>
        <translation>все магазины</translation>
    </message>
    <message>
        <source>Revenue and conversion: %1, %2</source>
        <translation>Выручка и конверсия: %1, %2</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Выходные</translation>
    </message>
    <message>
        <source>Revenue, ₽</source>
        <translation>Выручка, ₽</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Conversion, %</source>
        <translation>Конверсия, %</translation>
    </message>
    <message>
        <source>Plan and fact: %1, %2</source>
        <translation>План и факт: %1, %2</translation>
    </message>
    <message>
        <source>no fact</source>
        <translation>нет факта</translation>
    </message>
    <message>
        <source>fact %1 (norm %2)</source>
        <translation>факт %1 (норма %2)</translation>
    </message>
    <message>
        <source>share of the norm (norm = 100%; better to the right)</source>
        <translation>доля нормы (норма = 100%; правее — лучше)</translation>
    </message>
    <message>
        <source>below base</source>
        <translation>ниже базы</translation>
    </message>
    <message>
        <source>base → norm</source>
        <translation>от базы до нормы</translation>
    </message>
    <message>
        <source>norm → target</source>
        <translation>от нормы до цели</translation>
    </message>
    <message>
        <source>KPI rating: %1, %2</source>
        <translation>Рейтинг по KPI: %1, %2</translation>
    </message>
    <message>
        <source>best %1 and worst %1 of %2</source>
        <translation>%1 лучших и %1 худших из %2</translation>
    </message>
    <message>
        <source>KPI history: %1</source>
        <translation>История KPI: %1</translation>
    </message>
    <message>
        <source>Stores: revenue and plan, %1</source>
        <translation>Магазины: выручка и план, %1</translation>
    </message>
</context>
<context>
    <name>ChartsSection</name>
    <message>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>График:</translation>
    </message>
    <message>
        <source>Store revenue and conversion</source>
        <translation>Выручка и конверсия магазина</translation>
    </message>
    <message>
        <source>Plan and fact of an employee</source>
        <translation>План и факт сотрудника</translation>
    </message>
    <message>
        <source>KPI rating</source>
        <translation>Рейтинг по KPI</translation>
    </message>
    <message>
        <source>KPI history of an employee</source>
        <translation>История KPI сотрудника</translation>
    </message>
    <message>
        <source>Store comparison</source>
        <translation>Сравнение магазинов</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Магазин:</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Сотрудник:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Интервал:</translation>
    </message>
    <message>
        <source>The period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Последние 3 месяца</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <source>Last 3 years</source>
        <translation>Последние 3 года</translation>
    </message>
    <message>
        <source>by day</source>
        <translation>по дням</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>по неделям</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>по месяцам</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Сохранить PNG…</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Все магазины</translation>
    </message>
    <message>
        <source>all employees</source>
        <translation>все сотрудники</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Сохранение графика</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>created {file}</source>
        <translation>создан {file}</translation>
    </message>
    <message>
        <source>wrote {file}</source>
        <translation>записан {file}</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>не используется</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>показатель</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>ед. изм.</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>вес</translation>
    </message>
    <message>
        <source>base</source>
        <translation>база</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>норма</translation>
    </message>
    <message>
        <source>target</source>
        <translation>цель</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>факт</translation>
    </message>
    <message>
        <source>index (recomputed)</source>
        <translation>индекс (пересчитывается)</translation>
    </message>
    <message>
        <source>weighted index (ignored)</source>
        <translation>взвешенный индекс (не используется)</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>store</source>
        <translation>магазин</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>выручка</translation>
    </message>
    <message>
        <source>receipts</source>
        <translation>чеки</translation>
    </message>
    <message>
        <source>visitors</source>
        <translation>посетители</translation>
    </message>
    <message>
        <source>units</source>
        <translation>единицы</translation>
    </message>
    <message>
        <source>cannot import {file}: nothing was changed</source>
        <translation>не удалось импортировать {file}: ничего не изменено</translation>
    </message>
    <message>
        <source>Recognised in {file}:</source>
        <translation>Распознано в {file}:</translation>
    </message>
    <message>
        <source>sheet «{sheet}»: not understood</source>
        <translation>лист «{sheet}»: не распознан</translation>
    </message>
    <message>
        <source>sheet «{sheet}»: left out</source>
        <translation>лист «{sheet}»: пропущен</translation>
    </message>
    <message>
        <source>sheet «{sheet}», row {row}: matrix of {employee} for {period}, {rows} rows</source>
        <translation>лист «{sheet}», строка {row}: матрица сотрудника {employee} за {period}, строк: {rows}</translation>
    </message>
    <message>
        <source>; the sheet's KPI {kpi}%</source>
        <translation>; KPI на листе {kpi}%</translation>
    </message>
    <message>
        <source>the store column</source>
        <translation>магазин из столбца</translation>
    </message>
    <message>
        <source>sheet «{sheet}», row {row}: daily log of {store}, {days} days, {skipped} subtotal rows skipped</source>
        <translation>лист «{sheet}», строка {row}: ежедневный журнал «{store}», дней: {days}, пропущено строк итогов: {skipped}</translation>
    </message>
    <message>
        <source>{file}: checked, no problems; an import would change:</source>
        <translation>{file}: проверено, проблем нет; импорт изменил бы:</translation>
    </message>
    <message>
        <source>imported {file}:</source>
        <translation>импортирован {file}:</translation>
    </message>
    <message>
        <source>imported {file}: nothing changed (the data was already there)</source>
        <translation>импортирован {file}: ничего не изменилось (эти данные уже были в базе)</translation>
    </message>
    <message>
        <source>{kind}: {added} added, {changed} changed, {unchanged} unchanged</source>
        <translation>{kind}: добавлено {added}, изменено {changed}, без изменений {unchanged}</translation>
    </message>
    <message>
        <source>every KPI the sheets computed agrees with kpidesk</source>
        <translation>все KPI, посчитанные на листах, совпадают с kpidesk</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>KPI differs: {employee}, {period} (sheet «{sheet}»): the sheet {sheet_kpi}, kpidesk {kpidesk}</source>
        <translation>KPI расходится: {employee}, {period} (лист «{sheet}»): на листе {sheet_kpi}, в kpidesk {kpidesk}</translation>
    </message>
    <message>
        <source>{count} warning(s) (shown above)</source>
        <translation>предупреждений: {count} (см. выше)</translation>
    </message>
    <message>
        <source>demo company «{name}» created in {file}</source>
        <translation>демо-компания «{name}» создана в {file}</translation>
    </message>
    <message>
        <source>{stores} stores, {employees} employees: {positions}</source>
        <translation>магазинов: {stores}, сотрудников: {employees}: {positions}</translation>
    </message>
    <message>
        <source>{rows} daily rows from {first} to {last}</source>
        <translation>строк ежедневных данных: {rows}, с {first} по {last}</translation>
    </message>
    <message>
        <source>{employee} has no NPS fact for {period} (an incomplete matrix)</source>
        <translation>у сотрудника {employee} нет факта NPS за {period} (неполная матрица)</translation>
    </message>
    <message>
        <source>try:</source>
        <translation>попробуйте:</translation>
    </message>
    <message>
        <source>backed up to {file}</source>
        <translation>резервная копия: {file}</translation>
    </message>
    <message>
        <source>restored {file} from {backup}</source>
        <translation>{file} восстановлен из {backup}</translation>
    </message>
    <message>
        <source>restored {file} from {backup} (the previous state is kept in {safety})</source>
        <translation>{file} восстановлен из {backup} (прежнее состояние сохранено в {safety})</translation>
    </message>
    <message>
        <source>{file}: integrity ok</source>
        <translation>{file}: файл цел</translation>
    </message>
    <message>
        <source>{file}: DAMAGED</source>
        <translation>{file}: ПОВРЕЖДЁН</translation>
    </message>
    <message>
        <source>{count} problem(s) in the company's data:</source>
        <translation>проблем в данных компании: {count}:</translation>
    </message>
    <message>
        <source>no problems in matrices, employees and payout schedules</source>
        <translation>в матрицах, сотрудниках и шкалах премирования проблем нет</translation>
    </message>
    <message>
        <source>rows per table: {counts}</source>
        <translation>строк по таблицам: {counts}</translation>
    </message>
    <message>
        <source>period {period} locked</source>
        <translation>период {period} закрыт</translation>
    </message>
    <message>
        <source>period {period} reopened: {reason}</source>
        <translation>период {period} открыт заново: {reason}</translation>
    </message>
    <message>
        <source>period {period}: LOCKED; {complete} of {employees} matrices complete</source>
        <translation>период {period}: ЗАКРЫТ; полных матриц {complete} из {employees}</translation>
    </message>
    <message>
        <source>period {period}: open; {complete} of {employees} matrices complete</source>
        <translation>период {period}: открыт; полных матриц {complete} из {employees}</translation>
    </message>
    <message>
        <source>{shown} and {more} more</source>
        <translation>{shown} и ещё {more}</translation>
    </message>
    <message>
        <source>{store}: {count} day(s) without data: {days}</source>
        <translation>{store}: дней без данных — {count}: {days}</translation>
    </message>
    <message>
        <source>missing fact: {employee} — {indicator}</source>
        <translation>нет факта: {employee} — «{indicator}»</translation>
    </message>
    <message>
        <source>incomplete matrix: {employee}</source>
        <translation>неполная матрица: {employee}</translation>
    </message>
    <message>
        <source>saved {store} {day}</source>
        <translation>сохранено: {store} {day}</translation>
    </message>
    <message>
        <source>wrote {file}: {pages} page(s)</source>
        <translation>записан {file}: страниц — {pages}</translation>
    </message>
    <message>
        <source>wrote {file}: {rows} accrual(s) of {employees} employee(s), total {total}</source>
        <translation>записан {file}: начислений — {rows}, сотрудников — {employees}, итого {total}</translation>
    </message>
    <message>
        <source>left out, incomplete: {names}</source>
        <translation>не выгружены, неполный расчёт: {names}</translation>
    </message>
    <message>
        <source>without a personnel number: {names}</source>
        <translation>без табельного номера: {names}</translation>
    </message>
    <message>
        <source>created {count} duties for {period}</source>
        <translation>создано обязанностей за {period}: {count}</translation>
    </message>
    <message>
        <source>no new duties for {period} (they exist already)</source>
        <translation>новых обязанностей за {period} нет (они уже созданы)</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>прервано</translation>
    </message>
    <message>
        <source>unexpected error ({detail})</source>
        <translation>непредвиденная ошибка ({detail})</translation>
    </message>
    <message>
        <source>unexpected error ({detail}); details in {file}</source>
        <translation>непредвиденная ошибка ({detail}); подробности в {file}</translation>
    </message>
    <message>
        <source>password for {user}: </source>
        <translation>пароль пользователя {user}: </translation>
    </message>
    <message>
        <source>new password for {user}: </source>
        <translation>новый пароль пользователя {user}: </translation>
    </message>
    <message>
        <source>the same password again: </source>
        <translation>тот же пароль ещё раз: </translation>
    </message>
    <message>
        <source>owner</source>
        <translation>владелец</translation>
    </message>
    <message>
        <source>accountant</source>
        <translation>бухгалтер</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>управляющий</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>сотрудник</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>наблюдатель</translation>
    </message>
    <message>
        <source>user {user} added ({role})</source>
        <translation>пользователь {user} добавлен ({role})</translation>
    </message>
    <message>
        <source>no users: logins are off</source>
        <translation>пользователей нет: вход по паролю выключен</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>отключён</translation>
    </message>
    <message>
        <source>password of {user} changed</source>
        <translation>пароль пользователя {user} изменён</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>проверена</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>утверждена</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <source>(the results changed after it was signed)</source>
        <translation>(расчёт изменился после подписи)</translation>
    </message>
    <message>
        <source>checked by {user}</source>
        <translation>проверил(а) {user}</translation>
    </message>
    <message>
        <source>approved by {user}</source>
        <translation>утвердил(а) {user}</translation>
    </message>
    <message>
        <source>incomplete, paid without a bonus: {names}</source>
        <translation>неполный расчёт, премия не начисляется: {names}</translation>
    </message>
    <message>
        <source>pay list {period}: {state}</source>
        <translation>ведомость за {period}: {state}</translation>
    </message>
    <message>
        <source>created an empty company on {server}</source>
        <translation>создана пустая компания на {server}</translation>
    </message>
    <message>
        <source>uploaded {file} to {server}: {rows} rows</source>
        <translation>{file} загружен на {server}: строк — {rows}</translation>
    </message>
    <message>
        <source>section «{title}»</source>
        <translation>раздел «{title}»</translation>
    </message>
    <message>
        <source>main window</source>
        <translation>главное окно</translation>
    </message>
    <message>
        <source>icons</source>
        <translation>значки</translation>
    </message>
    <message>
        <source>bonus sheet to PDF</source>
        <translation>расчётный лист в PDF</translation>
    </message>
    <message>
        <source>chart to PNG</source>
        <translation>график в PNG</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <source>selfcheck passed: {count} step(s)</source>
        <translation>самопроверка пройдена: шагов — {count}</translation>
    </message>
    <message>
        <source>selfcheck failed: {failed}; details in {file}</source>
        <translation>самопроверка не пройдена: {failed}; подробности в {file}</translation>
    </message>
    <message>
        <source>cannot open the window: there is no graphical display here (DISPLAY and WAYLAND_DISPLAY are not set). Start kpidesk from the desktop, or use its commands: kpidesk --help</source>
        <translation>не удаётся открыть окно: здесь нет графического экрана (не заданы DISPLAY и WAYLAND_DISPLAY). Запустите kpidesk с рабочего стола или пользуйтесь его командами: kpidesk --help</translation>
    </message>
    <message>
        <source>cannot open the window: the system library libxcb-cursor0, which Qt needs on an X11 display, is missing. Install it (Debian, Ubuntu: sudo apt install libxcb-cursor0) and start kpidesk again</source>
        <translation>не удаётся открыть окно: нет системной библиотеки libxcb-cursor0, без которой Qt не работает на экране X11. Установите её (Debian, Ubuntu: sudo apt install libxcb-cursor0) и запустите kpidesk снова</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>No connection to the company server — retrying…</source>
        <translation>Нет связи с сервером компании — повторяю…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Повторить сейчас</translation>
    </message>
    <message>
        <source>What you typed is kept. Last try: %1</source>
        <translation>Введённое остаётся в окне. Последняя попытка: %1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>kpidesk: unexpected error</source>
        <translation>kpidesk: непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Something went wrong inside kpidesk. What was saved before is safe; the last action may not have been carried out.</source>
        <translation>В kpidesk произошёл сбой. Всё сохранённое раньше цело; последнее действие могло не выполниться.</translation>
    </message>
    <message>
        <source>The details are in the log: %1</source>
        <translation>Подробности записаны в журнал: %1</translation>
    </message>
    <message>
        <source>The log file could not be written.</source>
        <translation>Не удалось записать файл журнала.</translation>
    </message>
    <message>
        <source>Copy details for support</source>
        <translation>Скопировать сведения для поддержки</translation>
    </message>
    <message>
        <source>Copied. Paste them into your message to support.</source>
        <translation>Скопировано. Вставьте сведения в письмо в поддержку.</translation>
    </message>
</context>
<context>
    <name>DailyEntrySection</name>
    <message>
        <source>Daily entry</source>
        <translation>Ввод за день</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>День:</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Предыдущий день</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Следующий день</translation>
    </message>
    <message>
        <source>Store's day</source>
        <translation>День магазина</translation>
    </message>
    <message>
        <source>Sellers</source>
        <translation>Продавцы</translation>
    </message>
    <message>
        <source>Revenue, ₽</source>
        <translation>Выручка, ₽</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Посетители</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>Продано единиц</translation>
    </message>
    <message>
        <source>Returns, ₽ (optional)</source>
        <translation>Возвраты, ₽ (необязательно)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <source>Delete day…</source>
        <translation>Удалить день…</translation>
    </message>
    <message>
        <source>Not a number: %1</source>
        <translation>Не число: %1</translation>
    </message>
    <message>
        <source>Read only: your role may look at the daily data of %1, not change it.</source>
        <translation>Только просмотр: ваша роль позволяет смотреть ежедневные данные магазина %1, но не менять их.</translation>
    </message>
    <message>
        <source>saved day</source>
        <translation>день сохранён</translation>
    </message>
    <message>
        <source>after today</source>
        <translation>позже сегодняшнего дня</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>данных ещё нет</translation>
    </message>
    <message>
        <source>new day</source>
        <translation>новый день</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Сохранено: %1.</translation>
    </message>
    <message>
        <source>Delete day</source>
        <translation>Удаление дня</translation>
    </message>
    <message>
        <source>Delete the data of %1 for %2?</source>
        <translation>Удалить данные за %1 по магазину %2?</translation>
    </message>
    <message>
        <source>The data of %1 for %2 is not saved. Save it?</source>
        <translation>Данные за %1 по %2 не сохранены. Сохранить их?</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>не сохранено</translation>
    </message>
    <message>
        <source>Not saved: no connection to the company server. What you typed stays here and is saved as soon as the connection is back.</source>
        <translation>Не сохранено: нет связи с сервером компании. Введённое остаётся здесь и сохранится, как только связь вернётся.</translation>
    </message>
</context>
<context>
    <name>DailyText</name>
    <message>
        <source>revenue</source>
        <translation>выручка</translation>
    </message>
    <message>
        <source>receipts</source>
        <translation>чеки</translation>
    </message>
    <message>
        <source>visitors</source>
        <translation>посетители</translation>
    </message>
    <message>
        <source>units</source>
        <translation>единицы</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>возвраты</translation>
    </message>
    <message>
        <source>%1 cannot be negative (%2).</source>
        <translation>%1 не может быть отрицательной величиной (%2).</translation>
    </message>
    <message>
        <source>Revenue %1 with no receipts: enter the number of receipts.</source>
        <translation>Выручка %1 без чеков: укажите число чеков.</translation>
    </message>
    <message>
        <source>%1 receipts but only %2 visitors: conversion is above 100%.</source>
        <translation>Чеков %1, а посетителей только %2: конверсия выше 100%.</translation>
    </message>
    <message>
        <source>%1 %2 is more than 3 times off the store's usual day (%3).</source>
        <translation>%1: %2 — более чем в 3 раза отличается от обычного дня магазина (%3).</translation>
    </message>
    <message>
        <source>Enter %1.</source>
        <translation>Введите: %1.</translation>
    </message>
    <message>
        <source>%1 must be a whole number (%2).</source>
        <translation>%1 — только целое число (%2).</translation>
    </message>
    <message>
        <source>The store has no data for this day: the sellers' sales cannot be checked.</source>
        <translation>У магазина нет данных за этот день: продажи продавцов не с чем сверить.</translation>
    </message>
    <message>
        <source>The sellers' %1 add up to %2, the store's day has %3.</source>
        <translation>Сумма по продавцам (%1) — %2, а у магазина за день — %3.</translation>
    </message>
</context>
<context>
    <name>DashboardSection</name>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Company KPI</source>
        <translation>KPI компании</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Sales dynamics</source>
        <translation>Динамика продаж</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Не хватает</translation>
    </message>
    <message>
        <source>Stores: revenue against plan</source>
        <translation>Магазины: выручка и план</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Plan completion</source>
        <translation>Выполнение плана</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Top five by KPI</source>
        <translation>Лучшие — пять лучших по KPI</translation>
    </message>
    <message>
        <source>Bottom five by KPI</source>
        <translation>Отстающие — пять худших по KPI</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Что не заполнено</translation>
    </message>
    <message>
        <source>Period %1: %2 — %3</source>
        <translation>Период %1: %2 — %3</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <source>complete matrices: %1 of %2</source>
        <translation>заполнено матриц: %1 из %2</translation>
    </message>
    <message>
        <source>no daily data in this period</source>
        <translation>нет ежедневных данных за период</translation>
    </message>
    <message>
        <source>plan %1, completion %2</source>
        <translation>план %1, выполнение %2</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>плана нет</translation>
    </message>
    <message>
        <source>revenue against %1</source>
        <translation>выручка к %1</translation>
    </message>
    <message>
        <source>days without data: %1, facts: %2, incomplete matrices: %3</source>
        <translation>дней без данных: %1, фактов: %2, незаполненных матриц: %3</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Все магазины</translation>
    </message>
    <message>
        <source>No employees and no data in this period yet.</source>
        <translation>В этом периоде пока нет ни сотрудников, ни данных.</translation>
    </message>
    <message>
        <source>Everything is filled in for this period.</source>
        <translation>За этот период всё заполнено.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>%1: %2 day(s) without data (%3)</source>
        <translation>%1: дней без данных — %2 (%3)</translation>
    </message>
    <message>
        <source>%1: no fact for “%2”</source>
        <translation>%1: нет факта по показателю «%2»</translation>
    </message>
    <message>
        <source>%1: no KPI matrix</source>
        <translation>%1: нет матрицы KPI</translation>
    </message>
    <message>
        <source>%1: incomplete matrix (%2)</source>
        <translation>%1: матрица не заполнена (%2)</translation>
    </message>
    <message>
        <source>That section is not available yet.</source>
        <translation>Этот раздел пока недоступен.</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
</context>
<context>
    <name>DayFigures</name>
    <message>
        <source>Figures of the day</source>
        <translation>Показатели дня</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Units per receipt (UPT)</source>
        <translation>Единиц в чеке (UPT)</translation>
    </message>
    <message>
        <source>Revenue per visitor</source>
        <translation>Выручка на посетителя</translation>
    </message>
    <message>
        <source>Month's revenue plan</source>
        <translation>План выручки месяца</translation>
    </message>
    <message>
        <source>Enter moves to the next field; Ctrl+S saves and moves on to the next day.</source>
        <translation>Enter — к следующему полю; Ctrl+S сохраняет и переходит к следующему дню.</translation>
    </message>
    <message>
        <source>The store's usual day: %1, %2 receipts, %3 visitors.</source>
        <translation>Обычный день магазина: %1, чеков %2, посетителей %3.</translation>
    </message>
    <message>
        <source>Too few days with data for a usual day.</source>
        <translation>Слишком мало дней с данными, чтобы судить об обычном дне.</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>плана нет</translation>
    </message>
    <message>
        <source>No revenue plan for this month; revenue so far: %1.</source>
        <translation>Плана выручки на этот месяц нет; выручка на сегодня: %1.</translation>
    </message>
    <message>
        <source>%1 of %2, %3</source>
        <translation>%1 из %2, %3</translation>
    </message>
    <message>
        <source>%1 left to the plan, %2 day(s) after this one.</source>
        <translation>До плана осталось %1, дней после этого: %2.</translation>
    </message>
    <message>
        <source>The plan is met.</source>
        <translation>План выполнен.</translation>
    </message>
</context>
<context>
    <name>DayRecord</name>
    <message>
        <source>Changes of this day</source>
        <translation>Изменения этого дня</translation>
    </message>
    <message>
        <source>revenue %1</source>
        <translation>выручка %1</translation>
    </message>
    <message>
        <source>receipts %1</source>
        <translation>чеков %1</translation>
    </message>
    <message>
        <source>visitors %1</source>
        <translation>посетителей %1</translation>
    </message>
    <message>
        <source>units %1</source>
        <translation>единиц %1</translation>
    </message>
    <message>
        <source>returns %1</source>
        <translation>возвраты %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Nothing saved for this day yet.</source>
        <translation>За этот день ещё ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>DirectoriesSection</name>
    <message>
        <source>Stores</source>
        <translation>Магазины</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Отделы</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Должности</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Payout schedules</source>
        <translation>Шкалы премирования</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Справочники</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <source>scale (base → norm)</source>
        <translation>шкала (база → норма)</translation>
    </message>
    <message>
        <source>ratio (fact / norm)</source>
        <translation>отношение (факт / норма)</translation>
    </message>
    <message>
        <source>yes / no</source>
        <translation>да / нет</translation>
    </message>
    <message>
        <source>%1 cannot be empty.</source>
        <translation>%1: значение не может быть пустым.</translation>
    </message>
    <message>
        <source>'%1' is not a date (expected dd.mm.yyyy).</source>
        <translation>«%1» — не дата (ожидается дд.мм.гггг).</translation>
    </message>
    <message>
        <source>'%1' is not a number.</source>
        <translation>«%1» — не число.</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Fixed pay, ₽</source>
        <translation>Оклад, ₽</translation>
    </message>
    <message>
        <source>Target bonus, ₽</source>
        <translation>Целевая премия, ₽</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Personnel No.</source>
        <translation>Таб. №</translation>
    </message>
    <message>
        <source>Pay history:</source>
        <translation>История оплаты:</translation>
    </message>
    <message>
        <source>from the start: %1 / %2</source>
        <translation>с начала: %1 / %2</translation>
    </message>
    <message>
        <source>from %1: %2 / %3</source>
        <translation>с %1: %2 / %3</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Порог</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Потолок</translation>
    </message>
    <message>
        <source>Per indicator</source>
        <translation>По показателям</translation>
    </message>
    <message>
        <source>linear (threshold, cap)</source>
        <translation>линейная (порог, потолок)</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>ступенчатая</translation>
    </message>
    <message>
        <source>Company (everyone)</source>
        <translation>Компания (все)</translation>
    </message>
    <message>
        <source>Choose a schedule first.</source>
        <translation>Сначала выберите шкалу.</translation>
    </message>
    <message>
        <source>From KPI</source>
        <translation>От KPI</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Коэффициент</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Вернуть из архива</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Показать архив</translation>
    </message>
    <message>
        <source>New store</source>
        <translation>Новый магазин</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>Новый отдел</translation>
    </message>
    <message>
        <source>New position</source>
        <translation>Новая должность</translation>
    </message>
    <message>
        <source>Add a position first.</source>
        <translation>Сначала добавьте должность.</translation>
    </message>
    <message>
        <source>New employee</source>
        <translation>Новый сотрудник</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>Новый показатель</translation>
    </message>
    <message>
        <source>Nothing to add here.</source>
        <translation>Здесь нечего добавлять.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <source>Remove '%1'? If past periods use it, it is archived instead: kept for those periods and hidden from new work.</source>
        <translation>Удалить «%1»? Если запись используется в прошлых периодах, она будет перенесена в архив: сохранится для них и скроется из новой работы.</translation>
    </message>
    <message>
        <source>'%1' is used by past periods, so it was archived.</source>
        <translation>«%1» используется в прошлых периодах, поэтому перенесено в архив.</translation>
    </message>
    <message>
        <source>'%1' was deleted.</source>
        <translation>«%1» удалено.</translation>
    </message>
    <message>
        <source>'%1' is back in use.</source>
        <translation>«%1» снова используется.</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>%1: fact</source>
        <translation>%1: факт</translation>
    </message>
    <message>
        <source>KPI: the sum of the weighted indices to 0.01%, rounded to 0.1%</source>
        <translation>KPI: сумма взвешенных индексов с точностью 0,01%, округлённая до 0,1%</translation>
    </message>
    <message>
        <source>%1 receipt|%1 receipts|%1 receipts</source>
        <translation>%1 чек|%1 чека|%1 чеков</translation>
    </message>
    <message>
        <source>%1 visitor|%1 visitors|%1 visitors</source>
        <translation>%1 посетитель|%1 посетителя|%1 посетителей</translation>
    </message>
    <message>
        <source>%1 unit sold|%1 units sold|%1 units sold</source>
        <translation>%1 единица товара|%1 единицы товара|%1 единиц товара</translation>
    </message>
    <message>
        <source>open %1</source>
        <translation>открыто %1</translation>
    </message>
    <message>
        <source>waiting for acceptance %1</source>
        <translation>ждут приёмки %1</translation>
    </message>
    <message>
        <source>%1 accepted on time|%1 accepted on time|%1 accepted on time</source>
        <translation>%1 принята в срок|%1 принято в срок|%1 принято в срок</translation>
    </message>
    <message>
        <source>%1 task|%1 tasks|%1 tasks</source>
        <translation>%1 задача|%1 задачи|%1 задач</translation>
    </message>
    <message>
        <source>%1 impression|%1 impressions|%1 impressions</source>
        <translation>%1 показ|%1 показа|%1 показов</translation>
    </message>
    <message>
        <source>%1 click|%1 clicks|%1 clicks</source>
        <translation>%1 клик|%1 клика|%1 кликов</translation>
    </message>
    <message>
        <source>%1 visit|%1 visits|%1 visits</source>
        <translation>%1 визит|%1 визита|%1 визитов</translation>
    </message>
    <message>
        <source>%1 conversion|%1 conversions|%1 conversions</source>
        <translation>%1 целевое действие|%1 целевых действия|%1 целевых действий</translation>
    </message>
    <message>
        <source>%1 lead|%1 leads|%1 leads</source>
        <translation>%1 лид|%1 лида|%1 лидов</translation>
    </message>
    <message>
        <source>%1 order|%1 orders|%1 orders</source>
        <translation>%1 заказ|%1 заказа|%1 заказов</translation>
    </message>
    <message>
        <source>%1 customer|%1 customers|%1 customers</source>
        <translation>%1 клиент|%1 клиента|%1 клиентов</translation>
    </message>
    <message>
        <source>%1 bounce|%1 bounces|%1 bounces</source>
        <translation>%1 отказ|%1 отказа|%1 отказов</translation>
    </message>
    <message>
        <source>%1 deal|%1 deals|%1 deals</source>
        <translation>%1 сделка|%1 сделки|%1 сделок</translation>
    </message>
    <message>
        <source>%1 client who bought|%1 clients who bought|%1 clients who bought</source>
        <translation>%1 купивший клиент|%1 купивших клиента|%1 купивших клиентов</translation>
    </message>
    <message>
        <source>%1 potential client|%1 potential clients|%1 potential clients</source>
        <translation>%1 потенциальный клиент|%1 потенциальных клиента|%1 потенциальных клиентов</translation>
    </message>
    <message>
        <source>%1 order shipped|%1 orders shipped|%1 orders shipped</source>
        <translation>%1 заказ отгружен|%1 заказа отгружено|%1 заказов отгружено</translation>
    </message>
    <message>
        <source>%1 order declared|%1 orders declared|%1 orders declared</source>
        <translation>%1 заказ заявлен|%1 заказа заявлено|%1 заказов заявлено</translation>
    </message>
    <message>
        <source>%1 line shipped|%1 lines shipped|%1 lines shipped</source>
        <translation>%1 строка отгружена|%1 строки отгружено|%1 строк отгружено</translation>
    </message>
    <message>
        <source>%1 line declared|%1 lines declared|%1 lines declared</source>
        <translation>%1 строка заявлена|%1 строки заявлено|%1 строк заявлено</translation>
    </message>
    <message>
        <source>%1 unit shipped|%1 units shipped|%1 units shipped</source>
        <translation>%1 единица отгружена|%1 единицы отгружено|%1 единиц отгружено</translation>
    </message>
    <message>
        <source>%1 unit declared|%1 units declared|%1 units declared</source>
        <translation>%1 единица заявлена|%1 единицы заявлено|%1 единиц заявлено</translation>
    </message>
    <message>
        <source>shipped for %1</source>
        <translation>отгружено на %1</translation>
    </message>
    <message>
        <source>declared for %1</source>
        <translation>заявлено на %1</translation>
    </message>
    <message>
        <source>%1 day|%1 days|%1 days</source>
        <translation>%1 день|%1 дня|%1 дней</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>the sum of the period's daily rows</source>
        <translation>сумма дневных данных за период</translation>
    </message>
    <message>
        <source>as entered for the period</source>
        <translation>введено за период</translation>
    </message>
    <message>
        <source>%1: division by zero, no data</source>
        <translation>%1: деление на ноль, нет данных</translation>
    </message>
    <message>
        <source>(a plan covers %1 of the %2 days of the range)</source>
        <translation>(план покрывает %1 из %2 дн. диапазона)</translation>
    </message>
</context>
<context>
    <name>FactsModel</name>
    <message>
        <source>Not saved yet: no connection to the company server. Saved when the connection is back.</source>
        <translation>Ещё не сохранено: нет связи с сервером компании. Сохранится, когда связь вернётся.</translation>
    </message>
    <message>
        <source>Not in this employee's matrix for the period.</source>
        <translation>Этого показателя нет в матрице сотрудника за период.</translation>
    </message>
    <message>
        <source>Missing: the matrix needs this fact.</source>
        <translation>Не хватает: этот факт нужен матрице.</translation>
    </message>
    <message>
        <source>%1, %2: not a number: %3</source>
        <translation>%1, %2: не число: %3</translation>
    </message>
    <message>
        <source>Edit fact</source>
        <translation>Изменение факта</translation>
    </message>
    <message>
        <source>Period %1 is locked: its facts cannot change.</source>
        <translation>Период %1 закрыт: его факты нельзя изменить.</translation>
    </message>
    <message>
        <source>The block does not fit: %1 × %2 cells from here.</source>
        <translation>Блок не помещается: %1 × %2 ячеек отсюда.</translation>
    </message>
    <message>
        <source>Your role may not enter the facts of %1.</source>
        <translation>Ваша роль не позволяет вводить факты сотрудника %1.</translation>
    </message>
    <message>
        <source>%1 has no %2 in the matrix: the cell cannot be filled.</source>
        <translation>В матрице сотрудника %1 нет показателя %2: ячейку нельзя заполнить.</translation>
    </message>
    <message>
        <source>Paste facts</source>
        <translation>Вставка фактов</translation>
    </message>
    <message>
        <source>Clear facts</source>
        <translation>Очистка фактов</translation>
    </message>
</context>
<context>
    <name>FactsSection</name>
    <message>
        <source>Facts</source>
        <translation>Факты</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>не хватает</translation>
    </message>
    <message>
        <source>not in the matrix</source>
        <translation>нет в матрице</translation>
    </message>
    <message>
        <source>Type a fact, Enter moves down; Ctrl+V pastes from Excel; Ctrl+Z undoes.</source>
        <translation>Введите факт, Enter — вниз; Ctrl+V вставляет из Excel; Ctrl+Z отменяет.</translation>
    </message>
    <message>
        <source>Facts of %1</source>
        <translation>Факты: %1</translation>
    </message>
    <message>
        <source>%1 fact(s) are not saved yet. Save them?</source>
        <translation>Не сохранено фактов: %1. Сохранить их?</translation>
    </message>
    <message>
        <source>%1 fact(s) not saved: no connection to the company server; they are saved as soon as it is back.</source>
        <translation>Не сохранено фактов: %1 — нет связи с сервером компании; они сохранятся, как только связь вернётся.</translation>
    </message>
    <message>
        <source>%1 fact(s) still missing</source>
        <translation>Не хватает фактов: %1</translation>
    </message>
    <message>
        <source>every fact is in</source>
        <translation>все факты внесены</translation>
    </message>
    <message>
        <source>Read only: your role may look at the facts, not enter them.</source>
        <translation>Только просмотр: ваша роль позволяет смотреть факты, но не вводить их.</translation>
    </message>
</context>
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
        <source>Connect to a company server…</source>
        <translation>Подключиться к серверу компании…</translation>
    </message>
    <message>
        <source>Recent companies</source>
        <translation>Недавние компании</translation>
    </message>
    <message>
        <source>Log in as another user…</source>
        <translation>Войти под другим пользователем…</translation>
    </message>
    <message>
        <source>Import workbook…</source>
        <translation>Импорт из Excel…</translation>
    </message>
    <message>
        <source>Import from your own workbook…</source>
        <translation>Импорт из своей таблицы…</translation>
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
        <source>Save a copy as a company file…</source>
        <translation>Сохранить копию в файл компании…</translation>
    </message>
    <message>
        <source>Writes the whole company from the server into a company file</source>
        <translation>Записывает всю компанию с сервера в файл компании</translation>
    </message>
    <message>
        <source>A company server keeps its own backups (its administrator restores them); to put a company file onto a server use 'kpidesk --db URL server upload FILE' on an empty database.</source>
        <translation>Резервные копии сервера компании делает и восстанавливает его администратор; чтобы перенести файл компании на сервер, выполните «kpidesk --db URL server upload ФАЙЛ» для пустой базы.</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>Сервер %1</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Не удалось открыть файл</translation>
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
        <source>Import from your own workbook</source>
        <translation>Импорт из своей таблицы</translation>
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
        <source>Save a copy as a company file</source>
        <translation>Сохранить копию в файл компании</translation>
    </message>
    <message>
        <source>Copy saved: %1</source>
        <translation>Копия сохранена: %1</translation>
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
        <source>No problems found. Below is what the import will add and change, sheet by sheet: check it, then press Import to apply everything, or Cancel to change nothing.</source>
        <translation>Ошибок нет. Ниже — что импорт добавит и изменит, по листам: проверьте и нажмите «Импортировать», чтобы применить всё, или «Отмена», чтобы ничего не менять.</translation>
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
    <name>ImportPreview</name>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Магазины</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Отделы</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Должности</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Матрица</translation>
    </message>
    <message>
        <source>Payout schedules</source>
        <translation>Шкалы премирования</translation>
    </message>
    <message>
        <source>Daily data</source>
        <translation>Ежедневные данные</translation>
    </message>
    <message>
        <source>Sales by seller</source>
        <translation>Продажи по продавцам</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Планы</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Факты</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Исходные данные</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>Обязанности</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Pay period</source>
        <translation>Период выплат</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Fixed pay</source>
        <translation>Оклад</translation>
    </message>
    <message>
        <source>Target bonus</source>
        <translation>Целевая премия</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Pay from a period</source>
        <translation>Оплата с периода</translation>
    </message>
    <message>
        <source>Personnel number</source>
        <translation>Табельный номер</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Посетители</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Единицы</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Порог</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Потолок</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Ступени</translation>
    </message>
    <message>
        <source>Per indicator</source>
        <translation>По показателям</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Контролёр</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Order of the rows</source>
        <translation>Порядок строк</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>weight %1%, base %2, norm %3, target %4</source>
        <translation>вес %1%, база %2, норма %3, цель %4</translation>
    </message>
    <message>
        <source>Sheet and row</source>
        <translation>Лист и строка</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <source>added: %1</source>
        <translation>добавлено: %1</translation>
    </message>
    <message>
        <source>changed: %1 — %2</source>
        <translation>изменено: %1 — %2</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>изменено: %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
</context>
<context>
    <name>LockedNote</name>
    <message>
        <source>Period %1 is locked: its data is read-only. The owner can reopen it (Facts → Reopen…).</source>
        <translation>Период %1 закрыт: его данные только для чтения. Владелец может открыть его снова (Факты → Открыть снова…).</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — kpidesk</source>
        <translation>Вход — kpidesk</translation>
    </message>
    <message>
        <source>This company has users: log in to open it.</source>
        <translation>В этой компании есть пользователи: войдите, чтобы открыть её.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the company…</source>
        <translation>Открываем компанию…</translation>
    </message>
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
        <source>A store manager sees their own store only.</source>
        <translation>Управляющий видит только свой магазин.</translation>
    </message>
    <message>
        <source>Company server: %1</source>
        <translation>Сервер компании: %1</translation>
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
        <source> (period locked)</source>
        <translation> (период закрыт)</translation>
    </message>
    <message>
        <source>kpidesk %1 — offline KPI matrices, daily store data and bonus sheets.</source>
        <translation>kpidesk %1 — матрицы KPI, ежедневные данные магазинов и премиальные листы без интернета.</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Add row</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Remove rows</source>
        <translation>Удаление строк</translation>
    </message>
    <message>
        <source>Move row</source>
        <translation>Перемещение строки</translation>
    </message>
    <message>
        <source>Plan from history</source>
        <translation>План по истории</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Изменение: %1</translation>
    </message>
    <message>
        <source>The period is locked: the matrix cannot be changed.</source>
        <translation>Период закрыт: матрицу нельзя менять.</translation>
    </message>
    <message>
        <source>only the columns Indicator to Target take pasted values (facts are typed in one by one).</source>
        <translation>вставлять можно только в столбцы от «Показатель» до «Цель» (факты вводятся по одному).</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Вставка</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистка</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>База</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>Норма</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Взвеш.</translation>
    </message>
    <message>
        <source>What is needed</source>
        <translation>Что нужно</translation>
    </message>
    <message>
        <source>The indicator measured (type its code or name)</source>
        <translation>Измеряемый показатель (введите код или название)</translation>
    </message>
    <message>
        <source>Importance of the row; the weights must sum to 100%</source>
        <translation>Значимость строки; сумма весов должна быть 100%</translation>
    </message>
    <message>
        <source>At or below the base the row counts as nothing</source>
        <translation>На уровне базы и ниже строка ничего не даёт</translation>
    </message>
    <message>
        <source>Reaching the norm gives index 100%</source>
        <translation>Выполнение нормы даёт индекс 100%</translation>
    </message>
    <message>
        <source>The stretch goal: the index stops growing there</source>
        <translation>Амбициозная цель: выше неё индекс не растёт</translation>
    </message>
    <message>
        <source>What was achieved in the period</source>
        <translation>Чего достигли за период</translation>
    </message>
    <message>
        <source>How far the fact got from base toward norm</source>
        <translation>Насколько факт продвинулся от базы к норме</translation>
    </message>
    <message>
        <source>Weight × index</source>
        <translation>Вес × индекс</translation>
    </message>
    <message>
        <source>The fact for index 100%, for the payout threshold and for the next payout step</source>
        <translation>Факт для индекса 100%, для порога премии и для следующей ступени</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <source>Typed in; saved at once for the employee shown.</source>
        <translation>Вводится вручную; сохраняется сразу для показанного сотрудника.</translation>
    </message>
    <message>
        <source>Computed from %1.</source>
        <translation>Рассчитывается из %1.</translation>
    </message>
    <message>
        <source>No data for this period yet.</source>
        <translation>За этот период данных пока нет.</translation>
    </message>
    <message>
        <source>No fact yet.</source>
        <translation>Факта пока нет.</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Строка %1, %2: %3</translation>
    </message>
    <message>
        <source>typed in by hand</source>
        <translation>вводится вручную</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <source>Position template</source>
        <translation>Шаблон должности</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Figures for:</source>
        <translation>Расчёт для:</translation>
    </message>
    <message>
        <source>Matrix of:</source>
        <translation>Матрица:</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Вверх</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Вниз</translation>
    </message>
    <message>
        <source>Copy from the previous period</source>
        <translation>Скопировать из прошлого периода</translation>
    </message>
    <message>
        <source>Plan from history…</source>
        <translation>План по истории…</translation>
    </message>
    <message>
        <source>Delete this period's matrix</source>
        <translation>Удалить матрицу периода</translation>
    </message>
    <message>
        <source>Return to the position's template</source>
        <translation>Вернуть к шаблону должности</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Есть несохранённые изменения</translation>
    </message>
    <message>
        <source>Sum of weights: %1</source>
        <translation>Сумма весов: %1</translation>
    </message>
    <message>
        <source>(must be 100%)</source>
        <translation>(должна быть 100%)</translation>
    </message>
    <message>
        <source>(%1 more in rows without an indicator or a norm)</source>
        <translation>(ещё %1 в строках без показателя или нормы)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>Incomplete: no fact for %1.</source>
        <translation>Не хватает данных: нет факта по показателю %1.</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Payout coefficient</source>
        <translation>Коэффициент выплаты</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Премия</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>What is needed: choose an employee and a complete row to see it.</source>
        <translation>Что нужно: выберите сотрудника и заполненную строку.</translation>
    </message>
    <message>
        <source>What is needed — %1:</source>
        <translation>Что нужно — %1:</translation>
    </message>
    <message>
        <source>a matrix</source>
        <translation>матрица</translation>
    </message>
</context>
<context>
    <name>MatrixSection</name>
    <message>
        <source>KPI matrix</source>
        <translation>Матрица KPI</translation>
    </message>
    <message>
        <source>Copy from the previous period</source>
        <translation>Скопировать из прошлого периода</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Есть несохранённые изменения</translation>
    </message>
    <message>
        <source>Position template</source>
        <translation>Шаблон должности</translation>
    </message>
    <message>
        <source>Save the changes to the matrix before showing another one?</source>
        <translation>Сохранить изменения матрицы, прежде чем открыть другую?</translation>
    </message>
    <message>
        <source>Read only: only the owner changes matrices; you see them as they are.</source>
        <translation>Только просмотр: матрицы меняет только владелец, вы видите их как есть.</translation>
    </message>
    <message>
        <source>Period %1 is locked (bonuses paid): the matrix and facts are read-only. The owner can reopen the period.</source>
        <translation>Период %1 закрыт (премии выплачены): матрица и факты только для просмотра. Владелец может открыть период заново.</translation>
    </message>
    <message>
        <source>Add a position or an employee in Directories first.</source>
        <translation>Сначала добавьте должность или сотрудника в справочниках.</translation>
    </message>
    <message>
        <source>No matrix applies yet: rows you add become the employee's own matrix from %1.</source>
        <translation>Матрица ещё не назначена: добавленные строки станут собственной матрицей сотрудника с %1.</translation>
    </message>
    <message>
        <source>Applies: the employee's own matrix from %2.</source>
        <translation>Действует: собственная матрица сотрудника с %2.</translation>
    </message>
    <message>
        <source>Saving creates their own matrix from %1.</source>
        <translation>При сохранении появится собственная матрица с %1.</translation>
    </message>
    <message>
        <source>Applies: the template of the position '%3' from %2.</source>
        <translation>Действует: шаблон должности «%3» с %2.</translation>
    </message>
    <message>
        <source>Saving creates the employee's own matrix from %1.</source>
        <translation>При сохранении у сотрудника появится собственная матрица с %1.</translation>
    </message>
    <message>
        <source>The position has no template yet: rows you add apply from %1.</source>
        <translation>У должности ещё нет шаблона: добавленные строки будут действовать с %1.</translation>
    </message>
    <message>
        <source>The template of the position from %2.</source>
        <translation>Шаблон должности с %2.</translation>
    </message>
    <message>
        <source>The template of the position in force since %2.</source>
        <translation>Действует шаблон должности с %2.</translation>
    </message>
    <message>
        <source>Saving creates a new template from %1.</source>
        <translation>При сохранении появится новый шаблон с %1.</translation>
    </message>
    <message>
        <source>Follow the template: %1</source>
        <translation>Следуют шаблону: %1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>никто</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1 (с %2)</translation>
    </message>
    <message>
        <source>Their own matrix: %1</source>
        <translation>Своя матрица: %1</translation>
    </message>
    <message>
        <source>Follow the template:</source>
        <translation>Следуют шаблону:</translation>
    </message>
    <message>
        <source>Their own matrix:</source>
        <translation>Своя матрица:</translation>
    </message>
    <message>
        <source>No matrix applied in %1.</source>
        <translation>В %1 матрица не действовала.</translation>
    </message>
    <message>
        <source>Copied %1 rows from %2. Save to keep them for %3.</source>
        <translation>Скопировано строк из %2: %1. Сохраните, чтобы закрепить их за %3.</translation>
    </message>
    <message>
        <source>Choose the row's indicator and norm first.</source>
        <translation>Сначала укажите показатель и норму строки.</translation>
    </message>
    <message>
        <source>No facts of '%1' in the last six periods.</source>
        <translation>Нет фактов «%1» за последние шесть периодов.</translation>
    </message>
    <message>
        <source>Plan from history applied. Save to keep it.</source>
        <translation>План по истории подставлен. Сохраните, чтобы закрепить его.</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>Не сохранено:</translation>
    </message>
    <message>
        <source>Nothing to save: these rows are the template of the position, which the employee follows.</source>
        <translation>Нечего сохранять: это строки шаблона должности, по которому сотрудник и так работает.</translation>
    </message>
    <message>
        <source>Saved the matrix for %1.</source>
        <translation>Матрица за %1 сохранена.</translation>
    </message>
    <message>
        <source>Return to the position's template</source>
        <translation>Вернуть к шаблону должности</translation>
    </message>
    <message>
        <source>%1 will follow the template of the position '%2' from %3 on; their own matrices (%4) are removed. Continue?</source>
        <translation>С %3 у сотрудника %1 будет действовать шаблон должности «%2»; его собственные матрицы (%4) будут удалены. Продолжить?</translation>
    </message>
    <message>
        <source>%1 follows the template of the position '%2' again.</source>
        <translation>У сотрудника %1 снова действует шаблон должности «%2».</translation>
    </message>
    <message>
        <source>Delete the matrix</source>
        <translation>Удаление матрицы</translation>
    </message>
    <message>
        <source>Delete the matrix of %1 for %2? The matrix in force before it applies again.</source>
        <translation>Удалить матрицу «%1» за %2? Снова начнёт действовать предыдущая матрица.</translation>
    </message>
</context>
<context>
    <name>MonthGridModel</name>
    <message>
        <source>The period is locked: this day cannot change.</source>
        <translation>Период закрыт: этот день нельзя изменить.</translation>
    </message>
    <message>
        <source>Not saved yet: enter revenue, receipts and visitors.</source>
        <translation>Ещё не сохранено: введите выручку, чеки и посетителей.</translation>
    </message>
    <message>
        <source>No data for this day yet.</source>
        <translation>За этот день данных ещё нет.</translation>
    </message>
    <message>
        <source>This day has not come yet: it cannot have data.</source>
        <translation>Этот день ещё не наступил: данных за него быть не может.</translation>
    </message>
    <message>
        <source>Revenue, ₽</source>
        <translation>Выручка, ₽</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Посетители</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Единицы</translation>
    </message>
    <message>
        <source>Returns, ₽</source>
        <translation>Возвраты, ₽</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Avg. check, ₽</source>
        <translation>Ср. чек, ₽</translation>
    </message>
    <message>
        <source>UPT</source>
        <translation>UPT</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>%1, %2: not a number: %3</source>
        <translation>%1, %2: не число: %3</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Изменение: %1</translation>
    </message>
    <message>
        <source>The block has %1 rows but only %2 days are left in the month.</source>
        <translation>В блоке строк: %1, а до конца месяца осталось дней: %2.</translation>
    </message>
    <message>
        <source>The block has %1 columns but only %2 editable columns are left from here.</source>
        <translation>В блоке столбцов: %1, а редактируемых столбцов отсюда осталось: %2.</translation>
    </message>
    <message>
        <source>This day looks wrong; check it:</source>
        <translation>День выглядит подозрительно, проверьте его:</translation>
    </message>
    <message>
        <source>Paste %1 days</source>
        <translation>Вставка дней: %1</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистка</translation>
    </message>
    <message>
        <source>Your role may look at the daily data of %1, not change it.</source>
        <translation>Ваша роль позволяет смотреть ежедневные данные магазина %1, но не менять их.</translation>
    </message>
    <message>
        <source>%1: the period is locked, the day cannot change.</source>
        <translation>%1: период закрыт, день нельзя изменить.</translation>
    </message>
    <message>
        <source>%1: revenue, receipts and visitors are required; clear the whole day to delete it.</source>
        <translation>%1: выручка, чеки и посетители обязательны; чтобы удалить день, очистите всю строку.</translation>
    </message>
</context>
<context>
    <name>MonthGridSection</name>
    <message>
        <source>Month grid</source>
        <translation>Таблица месяца</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>не сохранено</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>выходной</translation>
    </message>
    <message>
        <source>check it</source>
        <translation>проверить</translation>
    </message>
    <message>
        <source>check it: a saved day whose conversion is above 100% or which is more than 3 times away from the store's usual day (the tooltip of the day says which)</source>
        <translation>проверить: сохранённый день с конверсией выше 100% или отличающийся от обычного дня магазина больше чем в 3 раза (подсказка дня говорит, чем именно)</translation>
    </message>
    <message>
        <source>Type over a cell, Enter moves down, Tab moves right; Ctrl+V pastes a block copied from Excel; Delete clears; Ctrl+Z undoes.</source>
        <translation>Печатайте прямо в ячейке: Enter — вниз, Tab — вправо; Ctrl+V вставляет блок из Excel; Delete очищает; Ctrl+Z отменяет.</translation>
    </message>
    <message>
        <source>Read only: your role may look at the daily data of %1, not change it.</source>
        <translation>Только просмотр: ваша роль позволяет смотреть ежедневные данные магазина %1, но не менять их.</translation>
    </message>
    <message>
        <source>Revenue: %1</source>
        <translation>Выручка: %1</translation>
    </message>
    <message>
        <source>plan: %1</source>
        <translation>план: %1</translation>
    </message>
    <message>
        <source>completion: %1</source>
        <translation>выполнение: %1</translation>
    </message>
    <message>
        <source>conversion: %1</source>
        <translation>конверсия: %1</translation>
    </message>
    <message>
        <source>average check: %1</source>
        <translation>средний чек: %1</translation>
    </message>
    <message>
        <source>%1 day(s) without data</source>
        <translation>дней без данных: %1</translation>
    </message>
    <message>
        <source>Days typed in part are not saved (%1): a day is saved once its revenue, receipts and visitors are typed. Save them?</source>
        <translation>Не до конца введённые дни не сохранены (%1): день сохраняется, когда введены выручка, чеки и посетители. Сохранить их?</translation>
    </message>
    <message>
        <source>%1: enter revenue, receipts and visitors, or clear the day.</source>
        <translation>%1: введите выручку, чеки и посетителей или очистите день.</translation>
    </message>
</context>
<context>
    <name>Needs</name>
    <message>
        <source>%1 less</source>
        <translation>на %1 меньше</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>ещё %1</translation>
    </message>
    <message>
        <source>a fact of %1</source>
        <translation>факт %1</translation>
    </message>
    <message>
        <source>%1, a fact of %2</source>
        <translation>%1, факт %2</translation>
    </message>
    <message>
        <source>For index 100%: reached</source>
        <translation>Для 100%: достигнуто</translation>
    </message>
    <message>
        <source>For index 100%: %1</source>
        <translation>Для 100%: %1</translation>
    </message>
    <message>
        <source>For index 100%: no fact gives it</source>
        <translation>Для 100%: недостижимо</translation>
    </message>
    <message>
        <source>to the threshold: %1</source>
        <translation>до порога: %1</translation>
    </message>
    <message>
        <source>to KPI %2: %1</source>
        <translation>до KPI %2: %1</translation>
    </message>
    <message>
        <source>to 100%: %1</source>
        <translation>до 100%: %1</translation>
    </message>
    <message>
        <source>out of reach</source>
        <translation>недостижимо</translation>
    </message>
    <message>
        <source>all reached</source>
        <translation>всё достигнуто</translation>
    </message>
    <message>
        <source>To the payout threshold (KPI %1): %2</source>
        <translation>До порога премии (KPI %1): %2</translation>
    </message>
    <message>
        <source>The payout threshold (KPI %1) is reached</source>
        <translation>Порог премии (KPI %1) достигнут</translation>
    </message>
    <message>
        <source>The payout threshold (KPI %1) cannot be reached by this row alone</source>
        <translation>Порог премии (KPI %1) не достичь одной этой строкой</translation>
    </message>
    <message>
        <source>The payout threshold (KPI %1): known once every row has a fact</source>
        <translation>Порог премии (KPI %1): станет ясно, когда у всех строк будет факт</translation>
    </message>
    <message>
        <source>To the next payout step (KPI %1): %2</source>
        <translation>До следующей ступени премии (KPI %1): %2</translation>
    </message>
    <message>
        <source>The next payout step (KPI %1) is reached</source>
        <translation>Следующая ступень премии (KPI %1) достигнута</translation>
    </message>
    <message>
        <source>The next payout step (KPI %1) cannot be reached by this row alone</source>
        <translation>Следующую ступень премии (KPI %1) не достичь одной этой строкой</translation>
    </message>
    <message>
        <source>The next payout step (KPI %1): known once every row has a fact</source>
        <translation>Следующая ступень премии (KPI %1): станет ясно, когда у всех строк будет факт</translation>
    </message>
</context>
<context>
    <name>NewCompanyDialog</name>
    <message>
        <source>New company</source>
        <translation>Новая компания</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Название компании:</translation>
    </message>
    <message>
        <source>Once a month (2026-10)</source>
        <translation>Раз в месяц (2026-10)</translation>
    </message>
    <message>
        <source>Twice a month: 1–15 and 16–end (2026-10-H1, -H2)</source>
        <translation>Дважды в месяц: 1–15 и 16–конец (2026-10-H1, -H2)</translation>
    </message>
    <message>
        <source>Pay period:</source>
        <translation>Период оплаты:</translation>
    </message>
    <message>
        <source>Fixed pay and target bonus are monthly amounts; with half-months each half pays half of them.</source>
        <translation>Оклад и целевая премия — месячные суммы; при оплате по полумесяцам каждая половина платит половину.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Set the password of %1</source>
        <translation>Пароль пользователя %1</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Пароль ещё раз:</translation>
    </message>
</context>
<context>
    <name>PayListModel</name>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Коэффициент</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Премия</translation>
    </message>
    <message>
        <source>Fixed pay</source>
        <translation>Оклад</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>Total (%1 of %2 complete)</source>
        <translation>Итого (полных расчётов: %1 из %2)</translation>
    </message>
    <message>
        <source>bonus and total %1</source>
        <translation>премия и итого — %1</translation>
    </message>
    <message>
        <source>Fixed pay of all %1 employees</source>
        <translation>Оклад всех сотрудников (%1)</translation>
    </message>
    <message>
        <source>Complete sheets only, %1</source>
        <translation>Только полные расчёты, %1</translation>
    </message>
</context>
<context>
    <name>PaylistBar</name>
    <message>
        <source>Mark checked</source>
        <translation>Отметить проверенной</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Утвердить…</translation>
    </message>
    <message>
        <source>Lock period…</source>
        <translation>Закрыть период…</translation>
    </message>
    <message>
        <source>Take back a step…</source>
        <translation>Вернуть на шаг назад…</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>проверена</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>утверждена</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <source>Pay list: %1</source>
        <translation>Ведомость: %1</translation>
    </message>
    <message>
        <source>checked by %1, %2</source>
        <translation>проверил(а) %1, %2</translation>
    </message>
    <message>
        <source>approved by %1, %2</source>
        <translation>утвердил(а) %1, %2</translation>
    </message>
    <message>
        <source>the results changed after the list was signed: it must be signed again</source>
        <translation>расчёт изменился после подписи: ведомость нужно подписать заново</translation>
    </message>
    <message>
        <source>The accountant marks the list checked first.</source>
        <translation>Сначала бухгалтер отмечает ведомость проверенной.</translation>
    </message>
    <message>
        <source>The owner approves the pay list first.</source>
        <translation>Сначала владелец утверждает ведомость.</translation>
    </message>
    <message>
        <source>Reopen the period…</source>
        <translation>Открыть период снова…</translation>
    </message>
    <message>
        <source>Approve the pay list of %1? After approval the period can be locked.</source>
        <translation>Утвердить ведомость за %1? После утверждения период можно закрыть.</translation>
    </message>
    <message>
        <source>Every matrix of the period is complete.</source>
        <translation>Все матрицы периода заполнены полностью.</translation>
    </message>
    <message>
        <source>Approve the pay list</source>
        <translation>Утверждение ведомости</translation>
    </message>
    <message>
        <source>Why is the pay list of %1 taken back? (logged)</source>
        <translation>Почему ведомость за %1 возвращается на шаг назад? (запишется в журнал)</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Нужно указать причину.</translation>
    </message>
</context>
<context>
    <name>PeriodLockBar</name>
    <message>
        <source>Lock period</source>
        <translation>Закрыть период</translation>
    </message>
    <message>
        <source>After bonuses are paid: make every input of the period read-only.</source>
        <translation>После выплаты премий: все данные периода становятся только для чтения.</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Открыть снова…</translation>
    </message>
    <message>
        <source>Unlock the period; the reason is logged.</source>
        <translation>Снять закрытие периода; причина попадёт в журнал.</translation>
    </message>
    <message>
        <source>Period %1: open</source>
        <translation>Период %1: открыт</translation>
    </message>
    <message>
        <source>Period %1: locked</source>
        <translation>Период %1: закрыт</translation>
    </message>
    <message>
        <source>The owner approves the pay list first (Bonus sheets).</source>
        <translation>Сначала владелец утверждает ведомость (раздел «Расчётные листы»).</translation>
    </message>
    <message>
        <source>Lock period %1? Its daily data, facts and matrices become read-only until the owner reopens it. A backup is made first.</source>
        <translation>Закрыть период %1? Его ежедневные данные, факты и матрицы станут только для чтения, пока владелец не откроет его снова. Сначала будет сделана резервная копия.</translation>
    </message>
    <message>
        <source>%1 matrices are incomplete (their bonus is not computed):</source>
        <translation>Неполных матриц: %1 (премия по ним не рассчитана):</translation>
    </message>
    <message>
        <source>Reopen period</source>
        <translation>Повторное открытие периода</translation>
    </message>
    <message>
        <source>Why is period %1 reopened? (logged)</source>
        <translation>Почему период %1 открывается снова? (запишется в журнал)</translation>
    </message>
    <message>
        <source>A reason is required to reopen.</source>
        <translation>Чтобы открыть период снова, укажите причину.</translation>
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
    <name>PeriodWords</name>
    <message>
        <source>January %1</source>
        <translation>январь %1</translation>
    </message>
    <message>
        <source>February %1</source>
        <translation>февраль %1</translation>
    </message>
    <message>
        <source>March %1</source>
        <translation>март %1</translation>
    </message>
    <message>
        <source>April %1</source>
        <translation>апрель %1</translation>
    </message>
    <message>
        <source>May %1</source>
        <translation>май %1</translation>
    </message>
    <message>
        <source>June %1</source>
        <translation>июнь %1</translation>
    </message>
    <message>
        <source>July %1</source>
        <translation>июль %1</translation>
    </message>
    <message>
        <source>August %1</source>
        <translation>август %1</translation>
    </message>
    <message>
        <source>September %1</source>
        <translation>сентябрь %1</translation>
    </message>
    <message>
        <source>October %1</source>
        <translation>октябрь %1</translation>
    </message>
    <message>
        <source>November %1</source>
        <translation>ноябрь %1</translation>
    </message>
    <message>
        <source>December %1</source>
        <translation>декабрь %1</translation>
    </message>
    <message>
        <source>%1–%2 January %3</source>
        <translation>%1–%2 января %3</translation>
    </message>
    <message>
        <source>%1–%2 February %3</source>
        <translation>%1–%2 февраля %3</translation>
    </message>
    <message>
        <source>%1–%2 March %3</source>
        <translation>%1–%2 марта %3</translation>
    </message>
    <message>
        <source>%1–%2 April %3</source>
        <translation>%1–%2 апреля %3</translation>
    </message>
    <message>
        <source>%1–%2 May %3</source>
        <translation>%1–%2 мая %3</translation>
    </message>
    <message>
        <source>%1–%2 June %3</source>
        <translation>%1–%2 июня %3</translation>
    </message>
    <message>
        <source>%1–%2 July %3</source>
        <translation>%1–%2 июля %3</translation>
    </message>
    <message>
        <source>%1–%2 August %3</source>
        <translation>%1–%2 августа %3</translation>
    </message>
    <message>
        <source>%1–%2 September %3</source>
        <translation>%1–%2 сентября %3</translation>
    </message>
    <message>
        <source>%1–%2 October %3</source>
        <translation>%1–%2 октября %3</translation>
    </message>
    <message>
        <source>%1–%2 November %3</source>
        <translation>%1–%2 ноября %3</translation>
    </message>
    <message>
        <source>%1–%2 December %3</source>
        <translation>%1–%2 декабря %3</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>стр. %1 из %2</translation>
    </message>
</context>
<context>
    <name>PersonalReport</name>
    <message>
        <source>open</source>
        <translation>открыта</translation>
    </message>
    <message>
        <source>done, waiting</source>
        <translation>выполнена, ждёт приёмки</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принята</translation>
    </message>
    <message>
        <source>duty</source>
        <translation>обязанность</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Нет.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Дней просрочки</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Costs if left open</source>
        <translation>Стоит в премии, если не закрыть</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>over %1 of the last 6 periods</source>
        <translation>по %1 из последних 6 периодов</translation>
    </message>
    <message>
        <source>period %1</source>
        <translation>период %1</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>на %1</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>Обязанности</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Waiting for my acceptance</source>
        <translation>Ждут моей приёмки</translation>
    </message>
    <message>
        <source>My overdue items</source>
        <translation>Мои просроченные</translation>
    </message>
    <message>
        <source>up to %1 days</source>
        <translation>до %1 дн.</translation>
    </message>
    <message>
        <source>Left to close</source>
        <translation>Осталось закрыть</translation>
    </message>
    <message>
        <source>%1 (%2 open, %3 waiting for acceptance)</source>
        <translation>%1 (открыто: %2, ждут приёмки: %3)</translation>
    </message>
    <message>
        <source>They cost in the bonus if left open</source>
        <translation>Незакрытое стоит в премии</translation>
    </message>
    <message>
        <source>My KPI for the period</source>
        <translation>Мой KPI за период</translation>
    </message>
    <message>
        <source>My average KPI</source>
        <translation>Мой средний KPI</translation>
    </message>
    <message>
        <source>My bonus for the period</source>
        <translation>Моя премия за период</translation>
    </message>
    <message>
        <source>Personal period report</source>
        <translation>Персональный отчёт за период</translation>
    </message>
    <message>
        <source>My duties and tasks still open</source>
        <translation>Мои незакрытые обязанности и задачи</translation>
    </message>
    <message>
        <source>By the end of the period every figure here should be 0.</source>
        <translation>К концу периода все показатели отчёта должны стать равны 0.</translation>
    </message>
    <message>
        <source>What is needed</source>
        <translation>Что нужно</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Факт</translation>
    </message>
</context>
<context>
    <name>PersonalReportView</name>
    <message>
        <source>My duties and tasks</source>
        <translation>Мои обязанности и задачи</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыта</translation>
    </message>
    <message>
        <source>done, waiting</source>
        <translation>выполнена, ждёт приёмки</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принята</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>Обязанности</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Требует внимания</translation>
    </message>
    <message>
        <source>Waiting for my acceptance</source>
        <translation>Ждут моей приёмки</translation>
    </message>
    <message>
        <source>My overdue items</source>
        <translation>Мои просроченные</translation>
    </message>
    <message>
        <source>Left to close</source>
        <translation>Осталось закрыть</translation>
    </message>
    <message>
        <source>KPI and bonus</source>
        <translation>KPI и премия</translation>
    </message>
    <message>
        <source>My KPI for the period</source>
        <translation>Мой KPI за период</translation>
    </message>
    <message>
        <source>My average KPI (last six periods)</source>
        <translation>Мой средний KPI (6 периодов)</translation>
    </message>
    <message>
        <source>My bonus for the period</source>
        <translation>Моя премия за период</translation>
    </message>
    <message>
        <source>Open items cost in the bonus</source>
        <translation>Незакрытое стоит в премии</translation>
    </message>
    <message>
        <source>My duties and tasks still open</source>
        <translation>Мои незакрытые обязанности и задачи</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Отметить выполнение</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Вернуть…</translation>
    </message>
    <message>
        <source>Select one or more items in the table first.</source>
        <translation>Сначала выберите одно или несколько заданий в таблице.</translation>
    </message>
    <message>
        <source>Open the list</source>
        <translation>Открыть список</translation>
    </message>
    <message>
        <source>Personal period report: %1</source>
        <translation>Персональный отчёт за период: %1</translation>
    </message>
    <message>
        <source>Up to %1 days overdue</source>
        <translation>Просрочка до %1 дн.</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>%1 (over %2 periods)</source>
        <translation>%1 (за %2 периода)</translation>
    </message>
    <message>
        <source>Waiting for the acceptance of %1</source>
        <translation>Ждут приёмки у %1</translation>
    </message>
    <message>
        <source>Overdue items of %1</source>
        <translation>Просроченные задания: %1</translation>
    </message>
    <message>
        <source>Items of %1 left to close</source>
        <translation>Осталось закрыть: %1</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
</context>
<context>
    <name>PlanPreviewDialog</name>
    <message>
        <source>Plan from history</source>
        <translation>План по истории</translation>
    </message>
    <message>
        <source>%1: suggested from %2 periods with a fact (%3): base = the weakest result, norm = the mean, target = the mean improved by 20%.</source>
        <translation>%1: предложено по %2 периодам с фактом (%3): база = худший результат, норма = среднее, цель = среднее, улучшенное на 20%.</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Предложено</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>База</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>Норма</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Facts used: %1</source>
        <translation>Использованные факты: %1</translation>
    </message>
</context>
<context>
    <name>PlansModel</name>
    <message>
        <source>'%1' is not a number.</source>
        <translation>«%1» — не число.</translation>
    </message>
    <message>
        <source>A plan cannot be negative.</source>
        <translation>План не может быть отрицательным.</translation>
    </message>
    <message>
        <source>Only the plan column can be changed.</source>
        <translation>Изменять можно только столбец плана.</translation>
    </message>
    <message>
        <source>Change plans</source>
        <translation>Изменение планов</translation>
    </message>
    <message>
        <source>Clear plans</source>
        <translation>Очистка планов</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Revenue plan</source>
        <translation>План выручки</translation>
    </message>
    <message>
        <source>Revenue so far</source>
        <translation>Выручка за период</translation>
    </message>
    <message>
        <source>Plan completion</source>
        <translation>Выполнение плана</translation>
    </message>
    <message>
        <source>Previous period's plan</source>
        <translation>План прошлого периода</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>Type the revenue plan of the period; empty clears it.</source>
        <translation>Введите план выручки на период; пустое значение удаляет план.</translation>
    </message>
</context>
<context>
    <name>PlansSection</name>
    <message>
        <source>Plans</source>
        <translation>Планы</translation>
    </message>
    <message>
        <source>Copy from the previous period</source>
        <translation>Скопировать из прошлого периода</translation>
    </message>
    <message>
        <source>From history +</source>
        <translation>Из истории +</translation>
    </message>
    <message>
        <source>The mean revenue of the last six periods with data, plus the uplift.</source>
        <translation>Средняя выручка последних шести периодов с данными плюс надбавка.</translation>
    </message>
    <message>
        <source>The plan feeds “plan completion” of the dashboard, the matrices and the bonus sheets. The plan of an employee's own indicators (personal sales) is the norm of their row in the KPI matrix.</source>
        <translation>План используется в «выполнении плана» на сводке, в матрицах и расчётных листах. План личных показателей сотрудника (личные продажи) — это норма его строки в матрице KPI.</translation>
    </message>
    <message>
        <source>Revenue plans for %1</source>
        <translation>Планы выручки на %1</translation>
    </message>
    <message>
        <source>Read only: only the owner changes the plans.</source>
        <translation>Только просмотр: планы меняет владелец.</translation>
    </message>
    <message>
        <source>Total plan: %1</source>
        <translation>План всего: %1</translation>
    </message>
    <message>
        <source>No plan for this period yet.</source>
        <translation>На этот период плана ещё нет.</translation>
    </message>
    <message>
        <source>Plans set for %1 store(s). Undo with Ctrl+Z.</source>
        <translation>Планы заданы для магазинов: %1. Отменить — Ctrl+Z.</translation>
    </message>
    <message>
        <source>The plans are already these.</source>
        <translation>Планы уже такие.</translation>
    </message>
    <message>
        <source>There are no plans in %1 to copy.</source>
        <translation>В %1 нет планов для копирования.</translation>
    </message>
    <message>
        <source>Copy plans from the previous period</source>
        <translation>Копирование планов из прошлого периода</translation>
    </message>
    <message>
        <source>No revenue in the last six periods to go by.</source>
        <translation>Нет выручки за последние шесть периодов, от которой можно считать.</translation>
    </message>
    <message>
        <source>Plans from history +%1%</source>
        <translation>Планы из истории +%1%</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>The weights add up to {sum}, not 100%.</source>
        <translation>Сумма весов {sum}, а не 100%.</translation>
    </message>
    <message>
        <source>The base of '{indicator}' equals its norm: the index cannot be computed.</source>
        <translation>База показателя «{indicator}» равна норме: индекс не вычислить.</translation>
    </message>
    <message>
        <source>The norm of '{indicator}' is 0: a fact/norm index cannot be computed.</source>
        <translation>Норма показателя «{indicator}» равна 0: индекс «факт/норма» не вычислить.</translation>
    </message>
    <message>
        <source>'{indicator}' is lower-is-better with the fact/norm method and needs a target above 0: at a fact of 0 its index would be unbounded.</source>
        <translation>Показатель «{indicator}» — «чем меньше, тем лучше» с методом «факт/норма», ему нужна цель больше 0: при факте 0 его индекс был бы неограничен.</translation>
    </message>
    <message>
        <source>The weight of '{indicator}' cannot be negative ({value}).</source>
        <translation>Вес показателя «{indicator}» не может быть отрицательным ({value}).</translation>
    </message>
    <message>
        <source>Unknown indicator '{indicator}'.</source>
        <translation>Неизвестный показатель «{indicator}».</translation>
    </message>
    <message>
        <source>Indicator '{indicator}' appears more than once in the matrix.</source>
        <translation>Показатель «{indicator}» встречается в матрице больше одного раза.</translation>
    </message>
    <message>
        <source>A matrix must belong to either a position or an employee.</source>
        <translation>Матрица должна относиться либо к должности, либо к сотруднику.</translation>
    </message>
    <message>
        <source>The target of '{indicator}' ({value}) is on the wrong side of its norm ({norm}).</source>
        <translation>Цель показателя «{indicator}» ({value}) лежит не с той стороны от нормы ({norm}).</translation>
    </message>
    <message>
        <source>A weight is at most 100% (typed: {value}).</source>
        <translation>Вес — не больше 100% (введено: {value}).</translation>
    </message>
    <message>
        <source>Row {row}: enter the norm.</source>
        <translation>Строка {row}: введите норму.</translation>
    </message>
    <message>
        <source>Row {row}: choose an indicator.</source>
        <translation>Строка {row}: выберите показатель.</translation>
    </message>
    <message>
        <source>No matrix applied to '{owner}' in {period}.</source>
        <translation>Для «{owner}» в {period} матрица не действовала.</translation>
    </message>
    <message>
        <source>'{name}' has no own matrix in {period}: the template applies already.</source>
        <translation>У «{name}» нет своей матрицы в {period}: шаблон должности и так действует.</translation>
    </message>
    <message>
        <source>The fact of '{indicator}' is computed from {source}; it cannot be typed in.</source>
        <translation>Факт «{indicator}» рассчитывается из {source}; его нельзя ввести вручную.</translation>
    </message>
    <message>
        <source>Period {period} is locked: its data cannot be changed (reopen the period first).</source>
        <translation>Период {period} закрыт: его данные нельзя менять (сначала откройте период заново).</translation>
    </message>
    <message>
        <source>'{value}' is not a number.</source>
        <translation>«{value}» — не число.</translation>
    </message>
    <message>
        <source>The pasted block does not fit: {reason}</source>
        <translation>Вставленный блок не подходит: {reason}</translation>
    </message>
    <message>
        <source>The number {value} is too large: at most {limit} is accepted.</source>
        <translation>Число {value} слишком велико: допускается не больше {limit}.</translation>
    </message>
    <message>
        <source>{field} cannot be negative ({value}).</source>
        <translation>{field}: значение не может быть отрицательным ({value}).</translation>
    </message>
    <message>
        <source>Revenue {revenue} with 0 receipts: enter the number of receipts.</source>
        <translation>Выручка {revenue} при 0 чеков: введите число чеков.</translation>
    </message>
    <message>
        <source>{receipts} receipts but only {visitors} visitors: conversion is above 100%.</source>
        <translation>Чеков {receipts}, а посетителей всего {visitors}: конверсия выше 100%.</translation>
    </message>
    <message>
        <source>{field} {value} is more than 3 times away from the usual {usual}.</source>
        <translation>{field} {value} отличается от обычного {usual} более чем в 3 раза.</translation>
    </message>
    <message>
        <source>{day} is after today ({today}): a day that has not come yet cannot have data.</source>
        <translation>{day} — позже сегодняшнего дня ({today}): у дня, который ещё не наступил, не может быть данных.</translation>
    </message>
    <message>
        <source>Enter: {fields}.</source>
        <translation>Введите: {fields}.</translation>
    </message>
    <message>
        <source>{field} must be a whole number ({value}).</source>
        <translation>{field}: нужно целое число ({value}).</translation>
    </message>
    <message>
        <source>The store has no data for this day: the sellers' sales cannot be checked.</source>
        <translation>У магазина нет данных за этот день: продажи продавцов не с чем сверить.</translation>
    </message>
    <message>
        <source>The sellers' {field} add up to {sellers}, the store's day has {store}.</source>
        <translation>{field}: у продавцов в сумме {sellers}, а в дне магазина {store}.</translation>
    </message>
    <message>
        <source>A row of another store, day or seller was given in this block.</source>
        <translation>В блоке оказалась строка другого магазина, дня или продавца.</translation>
    </message>
    <message>
        <source>There is nothing to save.</source>
        <translation>Сохранять нечего.</translation>
    </message>
    <message>
        <source>The uplift must be from 0% to 1000% (given {uplift}%).</source>
        <translation>Надбавка должна быть от 0 % до 1000 % (указано {uplift} %).</translation>
    </message>
    <message>
        <source>The day of {store} on {day} is incomplete: enter revenue, receipts and visitors.</source>
        <translation>День магазина «{store}» за {day} заполнен не полностью: введите выручку, чеки и посетителей.</translation>
    </message>
    <message>
        <source>The end date {value} is before the start date {start}.</source>
        <translation>Дата окончания {value} раньше даты начала {start}.</translation>
    </message>
    <message>
        <source>The name cannot be empty.</source>
        <translation>Название не может быть пустым.</translation>
    </message>
    <message>
        <source>'{name}' already exists.</source>
        <translation>«{name}» уже есть.</translation>
    </message>
    <message>
        <source>'{name}' no longer exists.</source>
        <translation>«{name}» больше нет.</translation>
    </message>
    <message>
        <source>The code '{name}' contains spaces; use letters, digits and '_'.</source>
        <translation>Код «{name}» содержит пробелы; используйте буквы, цифры и «_».</translation>
    </message>
    <message>
        <source>'{name}' needs a position.</source>
        <translation>Для «{name}» нужна должность.</translation>
    </message>
    <message>
        <source>Unknown position '{name}'.</source>
        <translation>Неизвестная должность «{name}».</translation>
    </message>
    <message>
        <source>Unknown store '{name}'.</source>
        <translation>Неизвестный магазин «{name}».</translation>
    </message>
    <message>
        <source>Unknown department '{name}'.</source>
        <translation>Неизвестный отдел «{name}».</translation>
    </message>
    <message>
        <source>Unknown employee '{name}'.</source>
        <translation>Неизвестный сотрудник «{name}».</translation>
    </message>
    <message>
        <source>Unknown raw input '{name}'.</source>
        <translation>Неизвестные исходные данные «{name}».</translation>
    </message>
    <message>
        <source>Unknown indicator '{name}' (known: {known}).</source>
        <translation>Неизвестный показатель «{name}» (известны: {known}).</translation>
    </message>
    <message>
        <source>'{value}' is not a date (expected dd.mm.yyyy).</source>
        <translation>«{value}» — не дата (ожидается дд.мм.гггг).</translation>
    </message>
    <message>
        <source>The same entry appears twice in {kind} (first at {first}).</source>
        <translation>Одна и та же запись встречается дважды ({kind}; впервые: {first}).</translation>
    </message>
    <message>
        <source>{count} incomplete sheet(s) in {period}: {names}. Nothing was written: complete them first, or export only the complete sheets (--allow-incomplete).</source>
        <translation>Неполных расчётов за {period}: {count} ({names}). Ничего не записано: сначала заполните их или выгрузите только полные расчёты (--allow-incomplete).</translation>
    </message>
    <message>
        <source>Personnel number {number} of '{name}' is already {holder}'s.</source>
        <translation>Табельный номер {number} сотрудника «{name}» уже занят: он у сотрудника «{holder}».</translation>
    </message>
    <message>
        <source>A schedule is either linear (one row: the threshold and the cap) or steps, not both.</source>
        <translation>Шкала выплат бывает либо линейной (одна строка: порог и потолок), либо ступенчатой, но не обеими сразу.</translation>
    </message>
    <message>
        <source>'{task}' is not open: it is already marked done.</source>
        <translation>Задача «{task}» уже отмечена выполненной.</translation>
    </message>
    <message>
        <source>Only the assignee ({assignee}) or the controller can mark '{task}' done, not {actor}.</source>
        <translation>Отметить задачу «{task}» выполненной может только исполнитель ({assignee}) или контролёр, а не {actor}.</translation>
    </message>
    <message>
        <source>'{task}' is not done: only a done task can be accepted or returned.</source>
        <translation>Задача «{task}» не выполнена: принять или вернуть можно только выполненную задачу.</translation>
    </message>
    <message>
        <source>{actor} cannot accept their own task '{task}'.</source>
        <translation>{actor} не может принять собственную задачу «{task}».</translation>
    </message>
    <message>
        <source>Only the controller can accept or return '{task}', not {actor}.</source>
        <translation>Принять или вернуть задачу «{task}» может только контролёр, а не {actor}.</translation>
    </message>
    <message>
        <source>Say why '{task}' is returned (a comment).</source>
        <translation>Напишите, почему задача «{task}» возвращается (комментарий).</translation>
    </message>
    <message>
        <source>No controller '{value}' for the duty '{duty}' of {employee}.</source>
        <translation>Для обязанности «{duty}» сотрудника {employee} не найден контролёр «{value}».</translation>
    </message>
    <message>
        <source>Choose who you are first (an employee).</source>
        <translation>Сначала выберите, кто вы (сотрудник).</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>У задачи должно быть название.</translation>
    </message>
    <message>
        <source>{assignee} already has '{task}' in {period}.</source>
        <translation>У сотрудника {assignee} уже есть «{task}» в периоде {period}.</translation>
    </message>
    <message>
        <source>'{task}' is not open: only an open task can be edited.</source>
        <translation>«{task}» уже не открыта: изменять можно только открытую задачу.</translation>
    </message>
    <message>
        <source>'{task}' is accepted already: it counts in the period's results and cannot be deleted.</source>
        <translation>«{task}» уже принята: она учтена в итогах периода, удалить её нельзя.</translation>
    </message>
    <message>
        <source>{assignee} cannot control their own task: choose another controller.</source>
        <translation>{assignee} не может сам принимать свою задачу: выберите другого контролёра.</translation>
    </message>
    <message>
        <source>The due date {due} is before the period starts ({start}).</source>
        <translation>Срок {due} раньше начала периода ({start}).</translation>
    </message>
    <message>
        <source>'{task}' of {assignee} no longer exists (deleted meanwhile?).</source>
        <translation>Задачи «{task}» сотрудника {assignee} больше нет (её удалили?).</translation>
    </message>
    <message>
        <source>Period {period} is already locked.</source>
        <translation>Период {period} уже закрыт.</translation>
    </message>
    <message>
        <source>Period {period} is not locked.</source>
        <translation>Период {period} не закрыт.</translation>
    </message>
    <message>
        <source>Give a reason to reopen period {period}.</source>
        <translation>Укажите причину, по которой период {period} открывается заново.</translation>
    </message>
    <message>
        <source>The saved results of the locked period {period} are damaged.</source>
        <translation>Сохранённые итоги закрытого периода {period} повреждены.</translation>
    </message>
    <message>
        <source>{period} is not a pay period: the company pays in half-months ({first} and {second}).</source>
        <translation>{period} — не расчётный период: компания платит за половины месяца ({first} и {second}).</translation>
    </message>
    <message>
        <source>There are no employees to print for {period}.</source>
        <translation>За {period} нет сотрудников для печати.</translation>
    </message>
    <message>
        <source>There are no employees of {store} to print for {period}.</source>
        <translation>За {period} в магазине «{store}» нет сотрудников для печати.</translation>
    </message>
    <message>
        <source>{user}: your role gives you no right to {right}.</source>
        <translation>{user}: ваша роль не даёт права {right}.</translation>
    </message>
    <message>
        <source>No connection to the company server {server}: nothing was saved; try again.</source>
        <translation>Нет связи с сервером компании {server}: ничего не сохранено; повторите.</translation>
    </message>
    <message>
        <source>The company server {server} holds no company yet: run 'kpidesk --db URL server init' or 'server upload'.</source>
        <translation>На сервере компании {server} ещё нет компании: выполните «kpidesk --db URL server init» или «server upload».</translation>
    </message>
    <message>
        <source>The company server {server} refused the login: a wrong user name or password, or no access to this database.</source>
        <translation>Сервер компании {server} отказал во входе: неверное имя пользователя или пароль, или нет доступа к этой базе.</translation>
    </message>
    <message>
        <source>The company server refused: your login has no right to this; nothing was saved.</source>
        <translation>Сервер компании отказал: у вашего входа нет права на это; ничего не сохранено.</translation>
    </message>
    <message>
        <source>{server}: 'server init' needs a login with {grants} to create the company's roles; ask the server's administrator (ALTER ROLE … CREATEROLE).</source>
        <translation>{server}: для «server init» нужен вход с правом {grants}, чтобы создать роли компании; попросите администратора сервера дать его.</translation>
    </message>
    <message>
        <source>The database {server} holds another program's tables.</source>
        <translation>В базе {server} таблицы другой программы.</translation>
    </message>
    <message>
        <source>The company server {server} refused: nothing was changed.</source>
        <translation>Сервер компании {server} отказал: ничего не изменено.</translation>
    </message>
    <message>
        <source>The database {server} is not empty: it must be empty for this; nothing was changed.</source>
        <translation>База {server} не пуста, а для этого нужна пустая; ничего не изменено.</translation>
    </message>
    <message>
        <source>Give the company server with --db postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>Укажите сервер компании: --db postgresql://ПОЛЬЗОВАТЕЛЬ@ХОСТ:ПОРТ/БАЗА.</translation>
    </message>
    <message>
        <source>'{command}' works on a company file; for a company server use 'server init' or 'server upload'.</source>
        <translation>«{command}» работает с файлом компании; для сервера компании есть «server init» и «server upload».</translation>
    </message>
    <message>
        <source>This company has users: log in first.</source>
        <translation>В этой компании есть пользователи: сначала войдите.</translation>
    </message>
    <message>
        <source>This company has users: give --user NAME (the password is taken from KPIDESK_PASSWORD or asked for).</source>
        <translation>В этой компании есть пользователи: укажите --user ИМЯ (пароль берётся из KPIDESK_PASSWORD или запрашивается).</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>No password: set {variable} or run the command in a terminal.</source>
        <translation>Нет пароля: задайте {variable} или запустите команду в терминале.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>A password needs at least {limit} characters.</source>
        <translation>Пароль должен быть не короче {limit} символов.</translation>
    </message>
    <message>
        <source>A password has at most {limit} printable characters.</source>
        <translation>Пароль — не длиннее {limit} печатных символов.</translation>
    </message>
    <message>
        <source>Unknown role '{value}': choose one of {roles}.</source>
        <translation>Неизвестная роль «{value}»: выберите одну из: {roles}.</translation>
    </message>
    <message>
        <source>A user name needs 1 to {limit} printable characters.</source>
        <translation>Имя пользователя — от 1 до {limit} печатных символов.</translation>
    </message>
    <message>
        <source>Choose the store of the manager.</source>
        <translation>Выберите магазин управляющего.</translation>
    </message>
    <message>
        <source>Choose the employee this user is.</source>
        <translation>Выберите сотрудника, которым является этот пользователь.</translation>
    </message>
    <message>
        <source>{name} is the last active owner: the company needs one, so this is not possible.</source>
        <translation>{name} — последний действующий владелец: без владельца компании нельзя, поэтому это невозможно.</translation>
    </message>
    <message>
        <source>The first user must be an owner (the first user turns logins on).</source>
        <translation>Первым пользователем должен быть владелец (с первым пользователем включается вход по паролю).</translation>
    </message>
    <message>
        <source>A user named '{name}' exists already.</source>
        <translation>Пользователь «{name}» уже есть.</translation>
    </message>
    <message>
        <source>There is no user named '{name}'.</source>
        <translation>Пользователя «{name}» нет.</translation>
    </message>
    <message>
        <source>The pay list of {period} is closed: the period is locked.</source>
        <translation>Ведомость за {period} закрыта: период заблокирован.</translation>
    </message>
    <message>
        <source>The pay list of {period} is {step} already.</source>
        <translation>Ведомость за {period} уже {step}.</translation>
    </message>
    <message>
        <source>The pay list of {period} must be checked by the accountant first.</source>
        <translation>Ведомость за {period} сначала должен проверить бухгалтер.</translation>
    </message>
    <message>
        <source>The pay list of {period} must be approved by the owner first.</source>
        <translation>Ведомость за {period} сначала должен утвердить владелец.</translation>
    </message>
    <message>
        <source>The results of {period} changed after the pay list was signed: it is a draft again and must be checked anew.</source>
        <translation>Расчёт за {period} изменился после подписи ведомости: она снова черновик, её нужно проверить заново.</translation>
    </message>
    <message>
        <source>The pay list of {period} cannot move to this step now.</source>
        <translation>Ведомость за {period} сейчас нельзя перевести на этот шаг.</translation>
    </message>
    <message>
        <source>Give a reason to take the pay list of {period} back.</source>
        <translation>Укажите причину возврата ведомости за {period}.</translation>
    </message>
    <message>
        <source>The pay list of {period} is a draft: there is no step to undo.</source>
        <translation>Ведомость за {period} — черновик: отменять нечего.</translation>
    </message>
    <message>
        <source>The data refers to a name that is not in the directories.</source>
        <translation>Данные ссылаются на имя, которого нет в справочниках.</translation>
    </message>
    <message>
        <source>The company file is busy (another program is writing to it); try again.</source>
        <translation>Файл компании занят (в него пишет другая программа); попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The company file is read-only: nothing was saved.</source>
        <translation>Файл компании доступен только для чтения: ничего не сохранено.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved.</source>
        <translation>Диск заполнен: ничего не сохранено.</translation>
    </message>
    <message>
        <source>The company file is damaged; restore it from a backup.</source>
        <translation>Файл компании повреждён; восстановите его из резервной копии.</translation>
    </message>
    <message>
        <source>This is not a company file.</source>
        <translation>Это не файл компании.</translation>
    </message>
    <message>
        <source>The company file was made by a newer version of the program; update the program.</source>
        <translation>Файл компании создан более новой версией программы; обновите программу.</translation>
    </message>
    <message>
        <source>The database refused the change; nothing was saved.</source>
        <translation>База данных не приняла изменение; ничего не сохранено.</translation>
    </message>
    <message>
        <source>{file} is not a company file.</source>
        <translation>{file} — не файл компании.</translation>
    </message>
    <message>
        <source>{file} was made by a newer version of the program; update the program.</source>
        <translation>Файл {file} создан более новой версией программы; обновите программу.</translation>
    </message>
    <message>
        <source>There is no company file {file} (create a company or import a workbook).</source>
        <translation>Файла компании {file} нет (создайте компанию или импортируйте книгу).</translation>
    </message>
    <message>
        <source>Cannot open the company file {file}.</source>
        <translation>Не удалось открыть файл компании {file}.</translation>
    </message>
    <message>
        <source>{file} already exists; choose another file or open it.</source>
        <translation>Файл {file} уже существует; выберите другое имя или откройте его.</translation>
    </message>
    <message>
        <source>The backup could not be made.</source>
        <translation>Не удалось сделать резервную копию.</translation>
    </message>
    <message>
        <source>There is no backup file {file}.</source>
        <translation>Резервной копии {file} нет.</translation>
    </message>
    <message>
        <source>Cannot restore from {file}: the backup is damaged or not a company file.</source>
        <translation>Не удалось восстановить из {file}: копия повреждена или это не файл компании.</translation>
    </message>
    <message>
        <source>{file} is empty: it holds no company; nothing was changed.</source>
        <translation>Файл {file} пуст: в нём нет компании; ничего не изменено.</translation>
    </message>
    <message>
        <source>The company file {file} is read-only: it can be read but not changed (check the file's permissions); nothing was changed.</source>
        <translation>Файл компании {file} доступен только для чтения: его можно читать, но не изменять (проверьте права на файл); ничего не изменено.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written, and the program keeps its working files beside the company file {file} (check the folder's permissions or copy the file to another folder); nothing was changed.</source>
        <translation>В папку {folder} нельзя записывать, а программе нужны рабочие файлы рядом с файлом компании {file} (проверьте права на папку или скопируйте файл в другую папку); ничего не изменено.</translation>
    </message>
    <message>
        <source>The company file {file} is damaged; the integrity check found:</source>
        <translation>Файл компании {file} повреждён; проверка целостности нашла:</translation>
    </message>
    <message>
        <source>Integrity check: {detail}</source>
        <translation>Проверка целостности: {detail}</translation>
    </message>
    <message>
        <source>… and {count} more problem(s) found by the integrity check.</source>
        <translation>… и ещё проблем, найденных проверкой целостности: {count}.</translation>
    </message>
    <message>
        <source>Restore the newest good backup: {backup}</source>
        <translation>Восстановите последнюю исправную резервную копию: {backup}</translation>
    </message>
    <message>
        <source>There is no good backup of {file} in {folder}.</source>
        <translation>Исправной резервной копии файла {file} в папке {folder} нет.</translation>
    </message>
    <message>
        <source>{file} is empty: it holds no company, so there is nothing to restore; the company file was not changed.</source>
        <translation>Файл {file} пуст: в нём нет компании, восстанавливать нечего; файл компании не изменён.</translation>
    </message>
    <message>
        <source>{file} is not a company file, so it cannot be restored; the company file was not changed.</source>
        <translation>{file} — не файл компании, восстановить из него нельзя; файл компании не изменён.</translation>
    </message>
    <message>
        <source>{file} was made by a newer version of the program: update the program to restore it; the company file was not changed.</source>
        <translation>Файл {file} создан более новой версией программы: чтобы восстановить из него, обновите программу; файл компании не изменён.</translation>
    </message>
    <message>
        <source>{file} is damaged, so it cannot be restored; the company file was not changed. The integrity check found:</source>
        <translation>Файл {file} повреждён, восстановить из него нельзя; файл компании не изменён. Проверка целостности нашла:</translation>
    </message>
    <message>
        <source>{file} is the company file itself; choose a backup to restore.</source>
        <translation>{file} — это сам файл компании; выберите резервную копию для восстановления.</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be written: no backup was made.</source>
        <translation>В папку резервных копий {folder} нельзя записывать: резервная копия не сделана.</translation>
    </message>
    <message>
        <source>{file} holds a real company, not the demo; refusing to overwrite it (give the demo another file).</source>
        <translation>В файле {file} настоящая компания, а не демо; перезаписывать его нельзя (укажите для демо другой файл).</translation>
    </message>
    <message>
        <source>Cannot write {file}.</source>
        <translation>Не удалось записать файл {file}.</translation>
    </message>
    <message>
        <source>Cannot write {file}: the folder {folder} does not exist.</source>
        <translation>Не удалось записать файл {file}: папки {folder} нет.</translation>
    </message>
    <message>
        <source>Cannot write {file} (is it open in another program?).</source>
        <translation>Не удалось записать файл {file} (может быть, он открыт в другой программе?).</translation>
    </message>
    <message>
        <source>Cannot start printing (is the file writable?).</source>
        <translation>Не удалось начать печать (можно ли записать файл?).</translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <translation>Файла {file} нет.</translation>
    </message>
    <message>
        <source>The import of {file} was cancelled; nothing was changed.</source>
        <translation>Импорт {file} отменён; ничего не изменено.</translation>
    </message>
    <message>
        <source>Reading the workbook was cancelled.</source>
        <translation>Чтение книги отменено.</translation>
    </message>
    <message>
        <source>The workbook {value} cannot be read.</source>
        <translation>Книгу {value} не удалось прочитать.</translation>
    </message>
    <message>
        <source>The file {file} cannot be opened.</source>
        <translation>Файл {file} не удалось открыть.</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook (.xlsx), or it is damaged.</source>
        <translation>{file} — не книга Excel (.xlsx) или она повреждена.</translation>
    </message>
    <message>
        <source>{file} is an old Excel 97–2003 workbook (.xls); save it as an Excel workbook (.xlsx).</source>
        <translation>{file} — книга старого формата Excel 97–2003 (.xls); сохраните её как книгу Excel (.xlsx).</translation>
    </message>
    <message>
        <source>{file} is a text (CSV) file; save it as an Excel workbook (.xlsx).</source>
        <translation>{file} — текстовый файл (CSV); сохраните его как книгу Excel (.xlsx).</translation>
    </message>
    <message>
        <source>{file} is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx).</source>
        <translation>{file} — таблица OpenDocument (.ods); сохраните её как книгу Excel (.xlsx).</translation>
    </message>
    <message>
        <source>The workbook {file} is damaged.</source>
        <translation>Книга {file} повреждена.</translation>
    </message>
    <message>
        <source>{file} is refused: it expands to too much data (a possible zip bomb).</source>
        <translation>{file} отклонён: при распаковке он слишком велик (возможная «зип-бомба»).</translation>
    </message>
    <message>
        <source>{file} is refused: a sheet is larger than a workbook may be.</source>
        <translation>{file} отклонён: лист в нём больше допустимого.</translation>
    </message>
    <message>
        <source>{file} is refused: it declares XML entities (a possible attack).</source>
        <translation>{file} отклонён: в нём объявлены сущности XML (возможная атака).</translation>
    </message>
    <message>
        <source>{file} is written in an encoding that is not read; save it again as an Excel workbook (.xlsx).</source>
        <translation>{file} записан в кодировке, которую программа не читает; сохраните его заново как книгу Excel (.xlsx).</translation>
    </message>
    <message>
        <source>The sheet '{sheet}' has no column {column}.</source>
        <translation>На листе «{sheet}» нет столбца {column}.</translation>
    </message>
    <message>
        <source>A value is required here.</source>
        <translation>Здесь нужно значение.</translation>
    </message>
    <message>
        <source>The value '{value}' does not fit this column.</source>
        <translation>Значение «{value}» не подходит для этого столбца.</translation>
    </message>
    <message>
        <source>Fill exactly one of the position (the position's duty list) and the employee (the employee's own list).</source>
        <translation>Заполните что-то одно: должность (список обязанностей должности) или сотрудника (его собственный список).</translation>
    </message>
    <message>
        <source>--{option}: '{value}' is not a number.</source>
        <translation>--{option}: «{value}» — не число.</translation>
    </message>
    <message>
        <source>--to ({end}) is before --from ({start}).</source>
        <translation>--to ({end}) раньше, чем --from ({start}).</translation>
    </message>
    <message>
        <source>--format {format} needs -o FILE.</source>
        <translation>Для --format {format} нужен файл: -o ФАЙЛ.</translation>
    </message>
    <message>
        <source>Give either --period or --from and --to, not both.</source>
        <translation>Укажите либо --period, либо --from и --to, но не всё сразу.</translation>
    </message>
    <message>
        <source>--from needs --to.</source>
        <translation>К --from нужен и --to.</translation>
    </message>
    <message>
        <source>Not a KPI table or a daily log: no row names the columns of one (Показатель, Вес, Норма, Факт or Дата, Выручка); the sheet is left out.</source>
        <translation>Не таблица KPI и не ежедневный журнал: ни одна строка не называет их столбцы (Показатель, Вес, Норма, Факт или Дата, Выручка); лист пропущен.</translation>
    </message>
    <message>
        <source>Whose matrix this is was not found: write 'ФИО:' or 'Сотрудник:' above the table, or choose the employee in the window.</source>
        <translation>Не найдено, чья это матрица: напишите «ФИО:» или «Сотрудник:» над таблицей или выберите сотрудника в окне.</translation>
    </message>
    <message>
        <source>The period was not found (no 'Период:' cell, no month in a title or in the sheet's name): give it with --period or in the window.</source>
        <translation>Период не найден (нет ячейки «Период:», нет месяца в заголовке или в имени листа): укажите его через --period или в окне.</translation>
    </message>
    <message>
        <source>No index method gives the sheet's own index of '{indicator}'; '{method}' is used. Check the sheet's formula.</source>
        <translation>Ни один метод не даёт индекс листа для «{indicator}»; используется «{method}». Проверьте формулу на листе.</translation>
    </message>
    <message>
        <source>The row is neither a day nor a total; it was left out.</source>
        <translation>Строка — не день и не итог; она пропущена.</translation>
    </message>
    <message>
        <source>The sheet computes the index of '{indicator}' another way than the company's indicator ('{method}'); kpidesk uses the company's.</source>
        <translation>Лист считает индекс «{indicator}» иначе, чем показатель компании («{method}»); программа считает так же, как показатель компании.</translation>
    </message>
    <message>
        <source>'{indicator}' is computed by kpidesk from its data; the sheet's fact is not imported.</source>
        <translation>Показатель «{indicator}» программа вычисляет сама из своих данных; факт с листа не импортируется.</translation>
    </message>
    <message>
        <source>The coefficient from {threshold} is lower than a lower step's: a higher KPI must not pay less.</source>
        <translation>Коэффициент от {threshold} ниже, чем у меньшей ступени: за больший KPI нельзя платить меньше.</translation>
    </message>
    <message>
        <source>Threshold {threshold} appears more than once.</source>
        <translation>Порог {threshold} встречается больше одного раза.</translation>
    </message>
    <message>
        <source>A steps schedule needs at least one step.</source>
        <translation>Ступенчатой шкале нужна хотя бы одна ступень.</translation>
    </message>
    <message>
        <source>The cap {value} is below the threshold {threshold}.</source>
        <translation>Потолок {value} ниже порога {threshold}.</translation>
    </message>
    <message>
        <source>edit the directories, matrices and users</source>
        <translation>изменять справочники, матрицы и пользователей</translation>
    </message>
    <message>
        <source>enter the daily data of this store</source>
        <translation>вносить ежедневные данные этого магазина</translation>
    </message>
    <message>
        <source>enter the facts of these employees</source>
        <translation>вносить факты этих сотрудников</translation>
    </message>
    <message>
        <source>create and assign tasks here</source>
        <translation>создавать и назначать здесь задачи</translation>
    </message>
    <message>
        <source>change these tasks</source>
        <translation>менять эти задачи</translation>
    </message>
    <message>
        <source>see these results</source>
        <translation>видеть эти результаты</translation>
    </message>
    <message>
        <source>see these people's pay</source>
        <translation>видеть оплату этих сотрудников</translation>
    </message>
    <message>
        <source>print these bonus sheets</source>
        <translation>печатать эти листы премирования</translation>
    </message>
    <message>
        <source>mark a pay list checked</source>
        <translation>отмечать ведомость проверенной</translation>
    </message>
    <message>
        <source>approve a pay list</source>
        <translation>утверждать ведомость</translation>
    </message>
    <message>
        <source>lock a period</source>
        <translation>блокировать период</translation>
    </message>
    <message>
        <source>reopen a period or take a pay list back</source>
        <translation>открывать период снова и возвращать ведомость</translation>
    </message>
    <message>
        <source>import, restore or replace the whole company</source>
        <translation>импортировать, восстанавливать или заменять всю компанию</translation>
    </message>
    <message>
        <source>export the whole company</source>
        <translation>выгружать всю компанию</translation>
    </message>
    <message>
        <source>back up the company</source>
        <translation>делать резервные копии компании</translation>
    </message>
    <message>
        <source>read this audit log</source>
        <translation>читать этот журнал изменений</translation>
    </message>
    <message>
        <source>a draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>проверена</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>утверждена</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>База</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>Норма</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Fixed pay</source>
        <translation>Оклад</translation>
    </message>
    <message>
        <source>Target bonus</source>
        <translation>Целевая премия</translation>
    </message>
    <message>
        <source>Personnel number</source>
        <translation>Табельный номер</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Порог</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Потолок</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Коэффициент</translation>
    </message>
    <message>
        <source>Per indicator</source>
        <translation>По показателям</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Посетители</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Единицы</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <source>Pay period</source>
        <translation>Период выплат</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С периода</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Контролёр</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Due day</source>
        <translation>День срока</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Выполнена</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>Принята</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Магазины</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Отделы</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Должности</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Премирование</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Матрица</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Ежедневно</translation>
    </message>
    <message>
        <source>Sales by seller</source>
        <translation>Продажи по продавцам</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Планы</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Факты</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Исходные данные</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>Обязанности</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>store day</source>
        <translation>день магазина</translation>
    </message>
    <message>
        <source>seller day</source>
        <translation>день продавца</translation>
    </message>
    <message>
        <source>duty</source>
        <translation>обязанность</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>сотрудник</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>факт</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>показатель</translation>
    </message>
    <message>
        <source>matrix</source>
        <translation>матрица</translation>
    </message>
    <message>
        <source>matrix row</source>
        <translation>строка матрицы</translation>
    </message>
    <message>
        <source>payout schedule</source>
        <translation>шкала премирования</translation>
    </message>
    <message>
        <source>store</source>
        <translation>магазин</translation>
    </message>
    <message>
        <source>department</source>
        <translation>отдел</translation>
    </message>
    <message>
        <source>position</source>
        <translation>должность</translation>
    </message>
    <message>
        <source>item</source>
        <translation>запись</translation>
    </message>
    <message>
        <source>sheet '{sheet}'</source>
        <translation>лист «{sheet}»</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>строка {row}</translation>
    </message>
    <message>
        <source>column '{column}'</source>
        <translation>столбец «{column}»</translation>
    </message>
    <message>
        <source>{entity} '{key}'</source>
        <translation>{entity} «{key}»</translation>
    </message>
    <message>
        <source>field '{field}'</source>
        <translation>поле «{field}»</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>выше</translation>
    </message>
    <message>
        <source>The action could not be completed ({code}).</source>
        <translation>Не удалось выполнить действие ({code}).</translation>
    </message>
    <message>
        <source>warning: {text}</source>
        <translation>предупреждение: {text}</translation>
    </message>
    <message>
        <source>clamped at the target</source>
        <translation>ограничено целью</translation>
    </message>
    <message>
        <source>clamped at 0</source>
        <translation>ограничено нулём</translation>
    </message>
    <message>
        <source>division by zero: no data</source>
        <translation>деление на ноль: нет данных</translation>
    </message>
    <message>
        <source>base equals norm: invalid row</source>
        <translation>база равна норме: строка некорректна</translation>
    </message>
    <message>
        <source>a fact of 0 is the best result: the cap</source>
        <translation>факт 0 — лучший результат: предел индекса</translation>
    </message>
    <message>
        <source>capped at the maximum</source>
        <translation>ограничено максимумом</translation>
    </message>
    <message>
        <source>per-indicator payout</source>
        <translation>премия по каждому показателю</translation>
    </message>
    <message>
        <source>no payout steps</source>
        <translation>ступени премирования не заданы</translation>
    </message>
</context>
<context>
    <name>RatingsSection</name>
    <message>
        <source>Ratings</source>
        <translation>Рейтинги</translation>
    </message>
    <message>
        <source>Rank:</source>
        <translation>Рейтинг:</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Магазины</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Отделы</translation>
    </message>
    <message>
        <source>by</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Интервал:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Half-month</source>
        <translation>Полмесяца</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Квартал</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Произвольные даты</translation>
    </message>
    <message>
        <source>Previous range</source>
        <translation>Предыдущий интервал</translation>
    </message>
    <message>
        <source>Next range</source>
        <translation>Следующий интервал</translation>
    </message>
    <message>
        <source>Show everyone</source>
        <translation>Показать всех</translation>
    </message>
    <message>
        <source>Double-click a row to open the employee's matrix, the store's month or the department's people.</source>
        <translation>Двойной щелчок по строке открывает матрицу сотрудника, месяц магазина или людей отдела.</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Экспорт в Excel…</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Предыдущий</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Заполнено</translation>
    </message>
    <message>
        <source>No indicators yet.</source>
        <translation>Показателей пока нет.</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Отдел: %1</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>%1 — %2 to %3</source>
        <translation>%1 — с %2 по %3</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>чем меньше, тем лучше</translation>
    </message>
    <message>
        <source>company KPI %1, complete matrices: %2 of %3</source>
        <translation>KPI компании %1, заполнено матриц: %2 из %3</translation>
    </message>
    <message>
        <source>company: %1</source>
        <translation>по компании: %1</translation>
    </message>
    <message>
        <source>the plans cover %1 of the %2 days; plan completion is of those days</source>
        <translation>планы покрывают %1 из %2 дн.; выполнение плана — за эти дни</translation>
    </message>
    <message>
        <source>Not rated (incomplete matrices): %1 — %2</source>
        <translation>Не участвуют в рейтинге (матрица не заполнена): %1 — %2</translation>
    </message>
    <message>
        <source>No data for this range.</source>
        <translation>Нет данных за этот интервал.</translation>
    </message>
    <message>
        <source>Cannot open “%1”: that section is not available.</source>
        <translation>Не удалось открыть «%1»: этот раздел недоступен.</translation>
    </message>
    <message>
        <source>Export rating</source>
        <translation>Экспорт рейтинга</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Рейтинг</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Выгружено в %1</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>Без отдела</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
</context>
<context>
    <name>Rights</name>
    <message>
        <source>owner</source>
        <translation>владелец</translation>
    </message>
    <message>
        <source>accountant</source>
        <translation>бухгалтер</translation>
    </message>
    <message>
        <source>store manager</source>
        <translation>управляющий магазином</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>сотрудник</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>наблюдатель</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>Пользователь: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SchedulesTab</name>
    <message>
        <source>Add a position's schedule</source>
        <translation>Шкала для должности</translation>
    </message>
    <message>
        <source>Delete schedule…</source>
        <translation>Удалить шкалу…</translation>
    </message>
    <message>
        <source>Steps (for a steps schedule):</source>
        <translation>Ступени (для ступенчатой шкалы):</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Добавить ступень</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Удалить ступень</translation>
    </message>
    <message>
        <source>KPI, %</source>
        <translation>KPI, %</translation>
    </message>
    <message>
        <source>Payout coefficient</source>
        <translation>Коэффициент выплаты</translation>
    </message>
    <message>
        <source>Every position already has its own schedule.</source>
        <translation>У всех должностей уже есть своя шкала.</translation>
    </message>
    <message>
        <source>'%1' now has its own schedule.</source>
        <translation>У «%1» теперь своя шкала премирования.</translation>
    </message>
    <message>
        <source>Delete schedule</source>
        <translation>Удалить шкалу</translation>
    </message>
    <message>
        <source>Delete the schedule of '%1'? The company's schedule applies then.</source>
        <translation>Удалить шкалу «%1»? Тогда будет действовать шкала компании.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Есть несохранённые изменения</translation>
    </message>
    <message>
        <source>There are unsaved changes. Save them?</source>
        <translation>Есть несохранённые изменения. Сохранить их?</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>KPI matrix</source>
        <translation>Матрица KPI</translation>
    </message>
    <message>
        <source>Daily entry</source>
        <translation>Ввод за день</translation>
    </message>
    <message>
        <source>Month grid</source>
        <translation>Таблица месяца</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Факты</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Планы</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Рейтинги</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message>
        <source>Bonus sheets</source>
        <translation>Расчётные листы</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Справочники</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал изменений</translation>
    </message>
</context>
<context>
    <name>SellerPanel</name>
    <message>
        <source>Save sellers</source>
        <translation>Сохранить по продавцам</translation>
    </message>
    <message>
        <source>No seller of this store has personal sales in their matrix: there is nothing to split by seller.</source>
        <translation>Ни у одного продавца этого магазина нет личных продаж в матрице: делить день по продавцам не нужно.</translation>
    </message>
    <message>
        <source>The day's sales by seller (their personal sales count in their KPI). The sellers' sum is checked against the store's day.</source>
        <translation>Продажи дня по продавцам (личные продажи входят в их KPI). Сумма по продавцам сверяется с данными магазина за день.</translation>
    </message>
    <message>
        <source>Sellers together: %1, %2 receipts, %3 units.</source>
        <translation>Продавцы вместе: %1, чеков %2, единиц %3.</translation>
    </message>
    <message>
        <source>The store's day: %1, %2 receipts, %3 units.</source>
        <translation>Магазин за день: %1, чеков %2, единиц %3.</translation>
    </message>
    <message>
        <source>The sellers add up to the store's day.</source>
        <translation>Сумма по продавцам совпадает с данными магазина.</translation>
    </message>
</context>
<context>
    <name>SellerTableModel</name>
    <message>
        <source>Revenue, ₽</source>
        <translation>Выручка, ₽</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Единицы</translation>
    </message>
    <message>
        <source>%1, %2: not a number: %3</source>
        <translation>%1, %2: не число: %3</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Connect to a company server — kpidesk</source>
        <translation>Подключение к серверу компании — kpidesk</translation>
    </message>
    <message>
        <source>The company server is a PostgreSQL database that the owner or a hosting provider runs for the whole chain; ask them for these details.</source>
        <translation>Сервер компании — это база данных PostgreSQL, которую для всей сети держит владелец или хостинг; эти данные узнайте у них.</translation>
    </message>
    <message>
        <source>empty: PGPASSWORD or ~/.pgpass</source>
        <translation>пусто: из PGPASSWORD или ~/.pgpass</translation>
    </message>
    <message>
        <source>Server (host):</source>
        <translation>Сервер (адрес):</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Remember the password (in the system keyring)</source>
        <translation>Запомнить пароль (в системном хранилище паролей)</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so the password cannot be remembered: it is asked each time (or put it in PGPASSWORD or ~/.pgpass).</source>
        <translation>На этом компьютере нет системного хранилища паролей, поэтому пароль не запоминается: он спрашивается каждый раз (или задайте его в PGPASSWORD или ~/.pgpass).</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>Give the server and the database.</source>
        <translation>Укажите сервер и базу данных.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <source>The system keyring refused the password: it was not remembered.</source>
        <translation>Системное хранилище паролей не приняло пароль: он не запомнен.</translation>
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
        <source>Open company server:</source>
        <translation>Открытый сервер компании:</translation>
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
    <name>SetupChecklistView</name>
    <message>
        <source>Add your store</source>
        <translation>Добавьте магазин</translation>
    </message>
    <message>
        <source>Add the positions</source>
        <translation>Добавьте должности</translation>
    </message>
    <message>
        <source>Add the employees</source>
        <translation>Добавьте сотрудников</translation>
    </message>
    <message>
        <source>Choose the indicators</source>
        <translation>Выберите показатели</translation>
    </message>
    <message>
        <source>Build the KPI matrices</source>
        <translation>Составьте матрицы KPI</translation>
    </message>
    <message>
        <source>Set the payout</source>
        <translation>Настройте выплату премии</translation>
    </message>
    <message>
        <source>Enter the first facts</source>
        <translation>Внесите первые факты</translation>
    </message>
    <message>
        <source>Stores: %1.</source>
        <translation>Магазинов: %1.</translation>
    </message>
    <message>
        <source>A shop or branch: its daily revenue, receipts and visitors.</source>
        <translation>Магазин или филиал: его выручка, чеки и посетители за день.</translation>
    </message>
    <message>
        <source>Positions: %1.</source>
        <translation>Должностей: %1.</translation>
    </message>
    <message>
        <source>Seller, cashier, store manager… A matrix is made per position.</source>
        <translation>Продавец, кассир, управляющий… Матрица составляется на должность.</translation>
    </message>
    <message>
        <source>Employees working in the period: %1.</source>
        <translation>Сотрудников, работающих в периоде: %1.</translation>
    </message>
    <message>
        <source>Each with a position, store, fixed pay and target bonus.</source>
        <translation>У каждого — должность, магазин, оклад и целевая премия.</translation>
    </message>
    <message>
        <source>Indicators: %1.</source>
        <translation>Показателей: %1.</translation>
    </message>
    <message>
        <source>What is measured: revenue, conversion, average check… or pick a ready KPI template in the matrix.</source>
        <translation>Что измеряется: выручка, конверсия, средний чек… или выберите готовый шаблон KPI в матрице.</translation>
    </message>
    <message>
        <source>%1 of %2 employees have a matrix in force.</source>
        <translation>Матрица действует у %1 из %2 сотрудников.</translation>
    </message>
    <message>
        <source>Weights, base, norm and target per indicator, for each position.</source>
        <translation>Вес, база, норма и цель каждого показателя — для каждой должности.</translation>
    </message>
    <message>
        <source>Payout schedule saved; every employee has a target bonus.</source>
        <translation>Шкала выплаты сохранена, у всех сотрудников есть целевая премия.</translation>
    </message>
    <message>
        <source>%1 of %2 employees have a target bonus.</source>
        <translation>Целевая премия задана у %1 из %2 сотрудников.</translation>
    </message>
    <message>
        <source>From which KPI the bonus is paid and up to what cap: save it once.</source>
        <translation>С какого KPI платится премия и до какого предела: сохраните шкалу один раз.</translation>
    </message>
    <message>
        <source>Complete KPI and bonus: %1 of %2 employees.</source>
        <translation>KPI и премия рассчитаны полностью: %1 из %2 сотрудников.</translation>
    </message>
    <message>
        <source>Daily store data and the facts typed in: then the bonus is computed.</source>
        <translation>Дневные данные магазина и введённые факты — тогда премия рассчитается.</translation>
    </message>
    <message>
        <source>Go there</source>
        <translation>Перейти</translation>
    </message>
    <message>
        <source>Add a store…</source>
        <translation>Добавить магазин…</translation>
    </message>
    <message>
        <source>Add positions…</source>
        <translation>Добавить должности…</translation>
    </message>
    <message>
        <source>Add employees…</source>
        <translation>Добавить сотрудников…</translation>
    </message>
    <message>
        <source>Add indicators…</source>
        <translation>Добавить показатели…</translation>
    </message>
    <message>
        <source>Open the matrix editor…</source>
        <translation>Открыть матрицу KPI…</translation>
    </message>
    <message>
        <source>Open the payout…</source>
        <translation>Открыть шкалу выплаты…</translation>
    </message>
    <message>
        <source>Enter facts…</source>
        <translation>Внести факты…</translation>
    </message>
    <message>
        <source>Set up the company: %1 of 7 steps done</source>
        <translation>Настройка компании: выполнено %1 из 7 шагов</translation>
    </message>
    <message>
        <source>Follow the steps in order; each link opens the place where it is done, and a step ticks itself off as soon as the data is there. Period %1.</source>
        <translation>Идите по шагам по порядку: каждая ссылка открывает место, где шаг делается, а шаг отмечается сам, как только данные внесены. Период %1.</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v из %m</translation>
    </message>
</context>
<context>
    <name>ShareWarning</name>
    <message>
        <source>It lies on a network share.</source>
        <translation>Он лежит в сетевой папке.</translation>
    </message>
    <message>
        <source>It lies on a network drive.</source>
        <translation>Он лежит на сетевом диске.</translation>
    </message>
    <message>
        <source>It lies on a network file system (NFS, SMB, SSHFS or similar).</source>
        <translation>Он лежит в сетевой файловой системе (NFS, SMB, SSHFS и т. п.).</translation>
    </message>
    <message>
        <source>It lies in a cloud-sync folder (Dropbox, Яндекс.Диск, OneDrive, Google Drive, iCloud Drive).</source>
        <translation>Он лежит в папке облачной синхронизации (Dropbox, Яндекс.Диск, OneDrive, Google Drive, iCloud Drive).</translation>
    </message>
    <message>
        <source>The company file is not safe here — kpidesk</source>
        <translation>Файл компании здесь в опасности — kpidesk</translation>
    </message>
    <message>
        <source>%1 is not safe where it is.</source>
        <translation>Файлу %1 небезопасно там, где он лежит.</translation>
    </message>
    <message>
        <source>A company file is an SQLite database. SQLite's write-ahead log needs file locks and shared memory that network file systems do not provide (“WAL does not work over a network filesystem”, sqlite.org/wal.html), and a sync client copies the file and its log apart: two PCs working on it can damage the company or lose each other's changes.</source>
        <translation>Файл компании — это база SQLite. Журналу упреждающей записи SQLite нужны блокировки файлов и общая память, которых нет в сетевых файловых системах («WAL does not work over a network filesystem», sqlite.org/wal.html), а программа синхронизации копирует файл и его журнал порознь: два компьютера, работающие с ним, могут испортить компанию или потерять изменения друг друга.</translation>
    </message>
    <message>
        <source>For several PCs, put the company on a company server (PostgreSQL) that the owner or a hosting provider runs: move this file onto its empty database once, then connect every PC with File → Connect to a company server…</source>
        <translation>Для нескольких компьютеров держите компанию на сервере компании (PostgreSQL), который запускает владелец или хостинг: один раз перенесите этот файл в его пустую базу, затем подключите каждый компьютер через Файл → Подключиться к серверу компании…</translation>
    </message>
    <message>
        <source>For one PC, keep the company file on this computer's own disk.</source>
        <translation>Для одного компьютера держите файл компании на его собственном диске.</translation>
    </message>
    <message>
        <source>Connect to a company server…</source>
        <translation>Подключиться к серверу компании…</translation>
    </message>
    <message>
        <source>Open the file anyway</source>
        <translation>Всё равно открыть файл</translation>
    </message>
</context>
<context>
    <name>SourceNames</name>
    <message>
        <source>Typed in</source>
        <translation>Вводится вручную</translation>
    </message>
    <message>
        <source>Store (daily data)</source>
        <translation>Магазин (ежедневные данные)</translation>
    </message>
    <message>
        <source>Seller (sales by seller)</source>
        <translation>Продавец (продажи по продавцам)</translation>
    </message>
    <message>
        <source>Sales manager</source>
        <translation>Менеджер по продажам</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Склад</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Маркетинг</translation>
    </message>
    <message>
        <source>Duties and tasks</source>
        <translation>Обязанности и задачи</translation>
    </message>
    <message>
        <source>Typed in by hand</source>
        <translation>Вводится вручную</translation>
    </message>
    <message>
        <source>The fact is typed in per employee for each period.</source>
        <translation>Факт вносится вручную по каждому сотруднику за период.</translation>
    </message>
    <message>
        <source>Store revenue</source>
        <translation>Выручка магазина</translation>
    </message>
    <message>
        <source>The store's revenue over the period, ₽.</source>
        <translation>Выручка магазина за период, ₽.</translation>
    </message>
    <message>
        <source>Store receipts</source>
        <translation>Чеки магазина</translation>
    </message>
    <message>
        <source>How many purchases (receipts) the store had.</source>
        <translation>Сколько покупок (чеков) было в магазине.</translation>
    </message>
    <message>
        <source>Store visitors</source>
        <translation>Посетители магазина</translation>
    </message>
    <message>
        <source>Footfall: how many people came in.</source>
        <translation>Проходимость: сколько человек зашло.</translation>
    </message>
    <message>
        <source>Store units sold</source>
        <translation>Продано единиц (магазин)</translation>
    </message>
    <message>
        <source>Units sold by the store over the period.</source>
        <translation>Единиц товара продано магазином за период.</translation>
    </message>
    <message>
        <source>Store returns</source>
        <translation>Возвраты магазина</translation>
    </message>
    <message>
        <source>Money refunded for returned goods, ₽.</source>
        <translation>Сумма возвратов покупателям, ₽.</translation>
    </message>
    <message>
        <source>Store conversion</source>
        <translation>Конверсия магазина</translation>
    </message>
    <message>
        <source>Receipts / visitors × 100: buyers per 100 visitors.</source>
        <translation>Чеки / посетители × 100: покупателей на 100 посетителей.</translation>
    </message>
    <message>
        <source>Store average check</source>
        <translation>Средний чек магазина</translation>
    </message>
    <message>
        <source>Revenue / receipts, ₽.</source>
        <translation>Выручка / чеки, ₽.</translation>
    </message>
    <message>
        <source>Store units per receipt</source>
        <translation>Единиц в чеке (магазин)</translation>
    </message>
    <message>
        <source>Units sold / receipts (UPT).</source>
        <translation>Проданные единицы / чеки (UPT).</translation>
    </message>
    <message>
        <source>Revenue per visitor</source>
        <translation>Выручка на посетителя</translation>
    </message>
    <message>
        <source>Revenue / visitors, ₽.</source>
        <translation>Выручка / посетители, ₽.</translation>
    </message>
    <message>
        <source>Store sales dynamics</source>
        <translation>Динамика продаж магазина</translation>
    </message>
    <message>
        <source>Revenue against the previous equal period × 100.</source>
        <translation>Выручка к предыдущему такому же периоду × 100.</translation>
    </message>
    <message>
        <source>Store plan completion</source>
        <translation>Выполнение плана магазина</translation>
    </message>
    <message>
        <source>Revenue / the store's revenue plan × 100.</source>
        <translation>Выручка / план выручки магазина × 100.</translation>
    </message>
    <message>
        <source>Personal sales</source>
        <translation>Личные продажи</translation>
    </message>
    <message>
        <source>The seller's own revenue over the period, ₽.</source>
        <translation>Собственная выручка продавца за период, ₽.</translation>
    </message>
    <message>
        <source>Personal receipts</source>
        <translation>Личные чеки</translation>
    </message>
    <message>
        <source>How many receipts the seller rang up.</source>
        <translation>Сколько чеков пробил продавец.</translation>
    </message>
    <message>
        <source>Personal units sold</source>
        <translation>Личные продажи в единицах</translation>
    </message>
    <message>
        <source>Units the seller sold.</source>
        <translation>Сколько единиц товара продал продавец.</translation>
    </message>
    <message>
        <source>Personal average check</source>
        <translation>Личный средний чек</translation>
    </message>
    <message>
        <source>The seller's revenue / receipts, ₽.</source>
        <translation>Выручка продавца / его чеки, ₽.</translation>
    </message>
    <message>
        <source>Personal units per receipt</source>
        <translation>Единиц в чеке (личный)</translation>
    </message>
    <message>
        <source>The seller's units / receipts.</source>
        <translation>Единицы продавца / его чеки.</translation>
    </message>
    <message>
        <source>Share of the store's sales</source>
        <translation>Доля в продажах магазина</translation>
    </message>
    <message>
        <source>Seller's revenue / store's revenue on their days × 100.</source>
        <translation>Выручка продавца / выручка магазина в его дни × 100.</translation>
    </message>
    <message>
        <source>Sales revenue</source>
        <translation>Выручка по сделкам</translation>
    </message>
    <message>
        <source>Revenue of the manager's deals, ₽ (typed in).</source>
        <translation>Выручка по сделкам менеджера, ₽ (вносится).</translation>
    </message>
    <message>
        <source>Deal cycle</source>
        <translation>Цикл сделки</translation>
    </message>
    <message>
        <source>Days of deals / deals: the average days to close.</source>
        <translation>Дни сделок / сделки: сколько дней в среднем до закрытия.</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>Средняя сумма заказа</translation>
    </message>
    <message>
        <source>Revenue / orders, ₽.</source>
        <translation>Выручка / заказы, ₽.</translation>
    </message>
    <message>
        <source>Sales dynamics</source>
        <translation>Динамика продаж</translation>
    </message>
    <message>
        <source>Revenue / the previous period's revenue × 100.</source>
        <translation>Выручка / выручка прошлого периода × 100.</translation>
    </message>
    <message>
        <source>Client conversion</source>
        <translation>Конверсия клиентов</translation>
    </message>
    <message>
        <source>Actual clients / potential clients × 100.</source>
        <translation>Фактические клиенты / потенциальные клиенты × 100.</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Транзакции</translation>
    </message>
    <message>
        <source>The number of transactions (typed in).</source>
        <translation>Число транзакций (вносится).</translation>
    </message>
    <message>
        <source>Orders fulfilled</source>
        <translation>Выполнение по заказам</translation>
    </message>
    <message>
        <source>Orders shipped / orders declared × 100.</source>
        <translation>Отгружено заказов / заявлено заказов × 100.</translation>
    </message>
    <message>
        <source>Lines fulfilled</source>
        <translation>Выполнение по строкам</translation>
    </message>
    <message>
        <source>Lines shipped / lines declared × 100.</source>
        <translation>Отгружено строк / заявлено строк × 100.</translation>
    </message>
    <message>
        <source>Units fulfilled</source>
        <translation>Выполнение по единицам</translation>
    </message>
    <message>
        <source>Units shipped / units declared × 100.</source>
        <translation>Отгружено единиц / заявлено единиц × 100.</translation>
    </message>
    <message>
        <source>Value fulfilled</source>
        <translation>Выполнение по сумме</translation>
    </message>
    <message>
        <source>Value shipped / value declared × 100.</source>
        <translation>Отгружено на сумму / заявлено на сумму × 100.</translation>
    </message>
    <message>
        <source>Integrated fulfilment</source>
        <translation>Интегральное выполнение</translation>
    </message>
    <message>
        <source>The mean of the orders, lines, units and value rates.</source>
        <translation>Среднее выполнения по заказам, строкам, единицам и сумме.</translation>
    </message>
    <message>
        <source>Click-through rate (CTR)</source>
        <translation>Кликабельность (CTR)</translation>
    </message>
    <message>
        <source>Clicks / impressions × 100.</source>
        <translation>Клики / показы × 100.</translation>
    </message>
    <message>
        <source>Conversion rate (CR)</source>
        <translation>Конверсия (CR)</translation>
    </message>
    <message>
        <source>Conversions / visits × 100.</source>
        <translation>Конверсии / визиты × 100.</translation>
    </message>
    <message>
        <source>Cost per click (CPC)</source>
        <translation>Цена клика (CPC)</translation>
    </message>
    <message>
        <source>Cost / clicks, ₽.</source>
        <translation>Расходы / клики, ₽.</translation>
    </message>
    <message>
        <source>Cost per lead (CPL)</source>
        <translation>Цена лида (CPL)</translation>
    </message>
    <message>
        <source>Cost / leads, ₽.</source>
        <translation>Расходы / лиды, ₽.</translation>
    </message>
    <message>
        <source>Cost per order (CPO)</source>
        <translation>Цена заказа (CPO)</translation>
    </message>
    <message>
        <source>Cost / orders, ₽.</source>
        <translation>Расходы / заказы, ₽.</translation>
    </message>
    <message>
        <source>Customer value (LTV)</source>
        <translation>Ценность клиента (LTV)</translation>
    </message>
    <message>
        <source>Revenue / customers, ₽.</source>
        <translation>Выручка / клиенты, ₽.</translation>
    </message>
    <message>
        <source>Bounce rate</source>
        <translation>Показатель отказов</translation>
    </message>
    <message>
        <source>Bounces / visits × 100.</source>
        <translation>Отказы / визиты × 100.</translation>
    </message>
    <message>
        <source>Return on investment (ROI)</source>
        <translation>Окупаемость инвестиций (ROI)</translation>
    </message>
    <message>
        <source>Income / investment × 100.</source>
        <translation>Доход / инвестиции × 100.</translation>
    </message>
    <message>
        <source>Return on marketing (ROMI)</source>
        <translation>Окупаемость маркетинга (ROMI)</translation>
    </message>
    <message>
        <source>(Profit − marketing cost) / marketing cost × 100.</source>
        <translation>(Прибыль − расходы на маркетинг) / расходы на маркетинг × 100.</translation>
    </message>
    <message>
        <source>Net promoter score (NPS)</source>
        <translation>Индекс лояльности (NPS)</translation>
    </message>
    <message>
        <source>Promoters % − detractors %.</source>
        <translation>Промоутеры % − критики %.</translation>
    </message>
    <message>
        <source>Tasks left open</source>
        <translation>Незакрытые задачи</translation>
    </message>
    <message>
        <source>Items not accepted by the period's end (fewer is better).</source>
        <translation>Обязанности и задачи, не принятые к концу периода (чем меньше, тем лучше).</translation>
    </message>
    <message>
        <source>Tasks on time</source>
        <translation>Задачи в срок</translation>
    </message>
    <message>
        <source>Items accepted by their due date / all × 100.</source>
        <translation>Принятые к сроку / все × 100.</translation>
    </message>
</context>
<context>
    <name>StoreChooser</name>
    <message>
        <source>Store:</source>
        <translation>Магазин:</translation>
    </message>
</context>
<context>
    <name>TaskCountsModel</name>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>In all</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Max days overdue</source>
        <translation>Макс. дней просрочки</translation>
    </message>
    <message>
        <source>To accept</source>
        <translation>Ждут моей приёмки</translation>
    </message>
    <message>
        <source>Double-click to open the list</source>
        <translation>Двойной щелчок — открыть список</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task</source>
        <translation>Изменить задачу</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <source>Assignee (does it):</source>
        <translation>Исполнитель (выполняет):</translation>
    </message>
    <message>
        <source>Controller (accepts it):</source>
        <translation>Контролёр (принимает):</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Срок:</translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>duty</source>
        <translation>обязанность</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыта</translation>
    </message>
    <message>
        <source>done, waiting</source>
        <translation>выполнена, ждёт приёмки</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принята</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Контролёр</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Выполнена</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>Принята</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Дней просрочки</translation>
    </message>
    <message>
        <source>Costs if left open</source>
        <translation>Стоит в премии, если не закрыть</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
</context>
<context>
    <name>TasksSection</name>
    <message>
        <source>Personal report</source>
        <translation>Персональный отчёт</translation>
    </message>
    <message>
        <source>By assignee</source>
        <translation>По исполнителю</translation>
    </message>
    <message>
        <source>By controller</source>
        <translation>По контролёру</translation>
    </message>
    <message>
        <source>Debtors</source>
        <translation>Должники</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Who am I:</source>
        <translation>Кто я:</translation>
    </message>
    <message>
        <source>The person who marks done, accepts and returns; remembered for this file</source>
        <translation>Кто отмечает выполнение, принимает и возвращает задачи; запоминается для этого файла</translation>
    </message>
    <message>
        <source>Report for:</source>
        <translation>Отчёт для:</translation>
    </message>
    <message>
        <source>Create the period's duties</source>
        <translation>Создать обязанности периода</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>Печать отчёта…</translation>
    </message>
    <message>
        <source>Report to PDF…</source>
        <translation>Отчёт в PDF…</translation>
    </message>
    <message>
        <source>Each employee's duties and tasks: how many, done, left.</source>
        <translation>Обязанности и задачи каждого сотрудника: сколько всего, выполнено, осталось.</translation>
    </message>
    <message>
        <source>What waits for each controller's acceptance.</source>
        <translation>Что ждёт приёмки у каждого контролёра.</translation>
    </message>
    <message>
        <source>Who has overdue items, and how many days overdue.</source>
        <translation>У кого есть просроченные задания и на сколько дней.</translation>
    </message>
    <message>
        <source>Double-click a number to open its list.</source>
        <translation>Двойной щелчок по числу открывает список.</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Отметить выполнение</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Вернуть…</translation>
    </message>
    <message>
        <source>Show all of the period</source>
        <translation>Показать все за период</translation>
    </message>
    <message>
        <source>All duties and tasks of the period</source>
        <translation>Все обязанности и задачи периода</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— выберите —</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>— никто —</translation>
    </message>
    <message>
        <source>You: the employee linked to your user</source>
        <translation>Вы — сотрудник, привязанный к вашему пользователю</translation>
    </message>
    <message>
        <source>Choose whose report to show</source>
        <translation>Выберите, чей отчёт показать</translation>
    </message>
    <message>
        <source>period %1</source>
        <translation>период %1</translation>
    </message>
    <message>
        <source>overdue as of %1</source>
        <translation>просрочка на %1</translation>
    </message>
    <message>
        <source>Select one or more items in the list first.</source>
        <translation>Сначала выделите одно или несколько заданий в списке.</translation>
    </message>
    <message>
        <source>Marked done: %1</source>
        <translation>Отмечено выполненными: %1</translation>
    </message>
    <message>
        <source>Accepted: %1</source>
        <translation>Принято: %1</translation>
    </message>
    <message>
        <source>Return to open</source>
        <translation>Вернуть на доработку</translation>
    </message>
    <message>
        <source>Why is it returned? The assignee sees this.</source>
        <translation>Почему задание возвращено? Исполнитель увидит этот комментарий.</translation>
    </message>
    <message>
        <source>Returned: %1</source>
        <translation>Возвращено: %1</translation>
    </message>
    <message>
        <source>Created %1 duties for %2.</source>
        <translation>Создано обязанностей за %2: %1.</translation>
    </message>
    <message>
        <source>The duties of %2 exist already; nothing was created.</source>
        <translation>Обязанности за %2 уже созданы; ничего не добавлено.</translation>
    </message>
    <message>
        <source>Duties of the period</source>
        <translation>Обязанности периода</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Select one item in the list first.</source>
        <translation>Сначала выберите одно задание в списке.</translation>
    </message>
    <message>
        <source>Task given: %1 → %2.</source>
        <translation>Задача поставлена: %1 → %2.</translation>
    </message>
    <message>
        <source>Tasks of %1</source>
        <translation>Задачи: %1</translation>
    </message>
    <message>
        <source>Task changed: %1.</source>
        <translation>Задача изменена: %1.</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Удалить задачу</translation>
    </message>
    <message>
        <source>Delete '%1' of %2?</source>
        <translation>Удалить «%1» (%2)?</translation>
    </message>
    <message>
        <source>Task deleted: %1.</source>
        <translation>Задача удалена: %1.</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>usual levels</source>
        <translation>обычные уровни</translation>
    </message>
    <message>
        <source>from the store's plan</source>
        <translation>от плана магазина</translation>
    </message>
    <message>
        <source>from the last six periods</source>
        <translation>за последние шесть периодов</translation>
    </message>
    <message>
        <source>usual levels (no history yet)</source>
        <translation>обычные уровни (истории пока нет)</translation>
    </message>
    <message>
        <source>type in: no plan or history</source>
        <translation>введите вручную: нет плана и истории</translation>
    </message>
    <message>
        <source>From a template…</source>
        <translation>Из шаблона…</translation>
    </message>
    <message>
        <source>Fill the matrix from a ready KPI template for a typical position.</source>
        <translation>Заполнить матрицу из готового шаблона KPI для типовой должности.</translation>
    </message>
    <message>
        <source>Template “%1”</source>
        <translation>Шаблон «%1»</translation>
    </message>
    <message>
        <source>Filled from the template “%1”: check the values and save. New indicators (%2) are added when you save.</source>
        <translation>Заполнено из шаблона «%1»: проверьте значения и сохраните. Новые показатели (%2) добавятся при сохранении.</translation>
    </message>
</context>
<context>
    <name>TemplatePickerDialog</name>
    <message>
        <source>KPI matrix from a template</source>
        <translation>Матрица KPI из шаблона</translation>
    </message>
    <message>
        <source>A ready matrix for «%1»: the rows replace those in the editor for review. Nothing is saved until you press Save; new indicators are added then.</source>
        <translation>Готовая матрица для «%1»: строки заменят строки в редакторе для проверки. Ничего не сохраняется, пока вы не нажмёте «Сохранить»; новые показатели добавятся тогда же.</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>What it measures</source>
        <translation>Что измеряет</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>База</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>Норма</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Значения</translation>
    </message>
    <message>
        <source>Fill the matrix</source>
        <translation>Заполнить матрицу</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(новый)</translation>
    </message>
    <message>
        <source>The company's indicator “%1”</source>
        <translation>Показатель компании «%1»</translation>
    </message>
    <message>
        <source>Weights: %1.</source>
        <translation>Сумма весов: %1.</translation>
    </message>
    <message>
        <source>New indicators: %1.</source>
        <translation>Новых показателей: %1.</translation>
    </message>
    <message>
        <source>Plan of «%1»: %2 ₽.</source>
        <translation>План «%1»: %2 ₽.</translation>
    </message>
    <message>
        <source>Rows marked “type in” need their norm before saving.</source>
        <translation>В строках «введите вручную» до сохранения нужна норма.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <source>Change user %1</source>
        <translation>Изменить пользователя %1</translation>
    </message>
    <message>
        <source>The first user is an owner. Creating them turns logins on: from then on the window asks for a user name and password. You go on working as this owner.</source>
        <translation>Первый пользователь — владелец. С его созданием включается вход по паролю: с этого момента программа при открытии спрашивает имя пользователя и пароль. Вы продолжаете работу как этот владелец.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <source>Store (a store manager's):</source>
        <translation>Магазин (для управляющего):</translation>
    </message>
    <message>
        <source>Their KPI, tasks and pay are "mine"; an employee user needs one.</source>
        <translation>Его KPI, задачи и премия — «мои»; пользователю с ролью «сотрудник» он обязателен.</translation>
    </message>
    <message>
        <source>Linked employee:</source>
        <translation>Сотрудник:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Пароль ещё раз:</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Linked employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Последнее изменение</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>отключён</translation>
    </message>
    <message>
        <source>active</source>
        <translation>действует</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Users and rights</source>
        <translation>Пользователи и права</translation>
    </message>
    <message>
        <source>On a company file these rights keep honest people honest: anyone who has the file and a SQLite tool can read everything in it, pay included. The company server enforces the rights for real.</source>
        <translation>В файле компании эти права — защита от случайностей, а не от злого умысла: любой, у кого есть файл и программа для SQLite, может прочитать в нём всё, включая оклады и премии. По-настоящему права соблюдает сервер компании.</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Добавить пользователя…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>Задать пароль…</translation>
    </message>
    <message>
        <source>No users yet: logins are off, and whoever opens this file may do everything. Add the first user — an owner — to turn logins on.</source>
        <translation>Пользователей пока нет: вход по паролю выключен, и любой, кто откроет этот файл, может делать всё. Добавьте первого пользователя — владельца, чтобы включить вход по паролю.</translation>
    </message>
    <message>
        <source>Logins are on: %1 user(s), %2 active. Each works with their role's rights.</source>
        <translation>Вход по паролю включён: пользователей — %1, действующих — %2. Каждый работает с правами своей роли.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Включить</translation>
    </message>
    <message>
        <source>You cannot disable yourself; another owner can.</source>
        <translation>Отключить самого себя нельзя — это может сделать другой владелец.</translation>
    </message>
    <message>
        <source>User %1 added.</source>
        <translation>Пользователь %1 добавлен.</translation>
    </message>
    <message>
        <source>User %1 changed.</source>
        <translation>Пользователь %1 изменён.</translation>
    </message>
    <message>
        <source>The password of %1 is set.</source>
        <translation>Пароль пользователя %1 задан.</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>Отключение пользователя</translation>
    </message>
    <message>
        <source>Disable %1? They can no longer log in; their history stays.</source>
        <translation>Отключить пользователя %1? Он больше не сможет войти; история его действий сохранится.</translation>
    </message>
    <message>
        <source>User %1 enabled.</source>
        <translation>Пользователь %1 снова включён.</translation>
    </message>
    <message>
        <source>User %1 disabled.</source>
        <translation>Пользователь %1 отключён.</translation>
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
        <source>Import from your own workbook…</source>
        <translation>Импорт из своей таблицы…</translation>
    </message>
    <message>
        <source>Your own KPI sheets and daily logs in Excel: kpidesk recognises them.</source>
        <translation>Ваши собственные листы KPI и ежедневные журналы в Excel: kpidesk их распознает.</translation>
    </message>
    <message>
        <source>Connect to a company server</source>
        <translation>Подключиться к серверу компании</translation>
    </message>
    <message>
        <source>The chain's company is on a server: give its address, user and password.</source>
        <translation>Компания сети на сервере: укажите его адрес, пользователя и пароль.</translation>
    </message>
    <message>
        <source>New company file</source>
        <translation>Файл новой компании</translation>
    </message>
    <message>
        <source>Import workbook</source>
        <translation>Импорт книги Excel</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Something went wrong (%1); nothing was changed.</source>
        <translation>Что-то пошло не так (%1); ничего не изменено.</translation>
    </message>
</context>
</TS>