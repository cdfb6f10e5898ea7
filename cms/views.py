from django.http import HttpResponse
from django.shortcuts import render


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def search(request):
    return render(request, "cms/search.html", {"search_query": request.GET.get("q", "")})


def translation_missing(request, page_id):
    return render(request, "cms/translation_missing.html", status=404)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
