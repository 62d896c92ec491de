from django.urls import path

from . import views

urlpatterns = [path("tim-kiem/", views.search_page, name="search")]
