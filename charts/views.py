"""The charts page: events per year and per country, and every kind of figure against its reports' dates."""

from django.shortcuts import render

from publishing.public_pages import reads_query_parameters

from . import figures


@reads_query_parameters()
def charts(request):
    """Every chart on one page, each with its data table; drawn on the server, public content only."""
    context = {
        "per_year": figures.events_per_year_chart(),
        "per_country": figures.events_per_country_chart(),
        "figure_charts": figures.figure_charts(),
    }
    return render(request, "charts/charts.html", context)
