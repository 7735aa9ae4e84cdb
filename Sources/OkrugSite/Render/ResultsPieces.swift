import OkrugCore
import OkrugText

/// The files of a year's results (`Pages/ResultsPage.swift`, `results.csv`) and its charts.
extension SiteRenderer {
    func resultsFiles(_ plan: Plan) -> [OutputFile] {
        let results = PlanResults.compute(plan, site: site)
        return [
            ResultsPage(context: self, plan: plan, results: results).file(),
            OutputFile(
                path: Routes.resultsTable(plan.year), contents: .bytes(ResultsCSV.csv(results, plan: plan, site: site))),
        ]
    }

    func chart(_ id: String, _ heading: String, labelHeader: String, rows: [PlanResults.Count], from path: String)
        -> ChartView
    {
        ChartView(
            id: id, heading: heading, svg: BarChart(id: id, title: heading, rows: rows).svg(), labelHeader: labelHeader,
            rows: rows.map {
                CountRowView(
                    label: $0.label, value: $0.value, url: $0.path.map { RelativeURL.link(from: path, to: $0) })
            })
    }
}
